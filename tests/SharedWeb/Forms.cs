using System.Net;
using System.Text.RegularExpressions;

namespace Liaison.Tests.Shared;

/// <summary>Posting a page's form as a browser does: to the form's own action, with its hidden fields and the anti-forgery token.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        await PostFromAsync(client, await client.GetStringAsync(page), handler, fields, page);

    /// <summary>Posts a form of a page already shown (a form that appears only after another post, e.g. a preview's "save").</summary>
    public static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string html, string handler, Dictionary<string, string> fields, string page = "the page") =>
        await client.PostAsync(Fill(html, handler, fields, page), new FormUrlEncodedContent(fields));

    /// <summary>The form's action; its hidden fields and the anti-forgery token added to <paramref name="fields"/>.</summary>
    private static string Fill(string html, string handler, Dictionary<string, string> fields, string page)
    {
        var form = FormOf(html, handler);
        if (!form.Success)
        {
            throw new InvalidOperationException($"no {handler} form on {page}");
        }
        foreach (Match hidden in Hidden().Matches(form.Groups[2].Value))
        {
            fields.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }
        fields["__RequestVerificationToken"] = TestAccounts.FormToken(html);
        return WebUtility.HtmlDecode(form.Groups[1].Value);
    }

    /// <summary>Posts a page's form with files, as a browser posts a form of <c>enctype="multipart/form-data"</c>.</summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields,
        IReadOnlyList<(string Field, string FileName, byte[] Bytes)> files)
    {
        var action = Fill(await client.GetStringAsync(page), handler, fields, page);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }
        return await client.PostAsync(action, content);
    }

    private static Match FormOf(string html, string handler) =>
        Regex.Match(html, $"<form[^>]*action=\"([^\"]*handler={handler})\"[^>]*>(.*?)</form>", RegexOptions.Singleline);

    [GeneratedRegex("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}

/// <summary>Long work started from a page: the answer is a redirect to its job's page, which is read until the work has ended.</summary>
public static class JobPages
{
    /// <summary>Follows the job a post started to its end (at most two minutes); returns its page, decoded.</summary>
    public static async Task<string> EndAsync(HttpClient client, HttpResponseMessage started)
    {
        if (started.StatusCode != HttpStatusCode.Redirect || started.Headers.Location?.OriginalString is not { } job || !job.StartsWith("/jobs/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"no job started: {started.StatusCode} {started.Headers.Location}");
        }
        var page = "";
        // The page says "notice ok" with the result, or "notice error" with the refusal, once the work has ended.
        for (var i = 0; i < 480 && !page.Contains("class=\"notice ok\"", StringComparison.Ordinal) && !page.Contains("class=\"notice error\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            page = await client.GetStringAsync(job);
        }
        return WebUtility.HtmlDecode(page);
    }
}
