using System.Net;
using System.Text.RegularExpressions;

namespace Liaison.Tests.Shared;

/// <summary>Posting a page's form as a browser does: to the form's own action, with its hidden fields and the anti-forgery token.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        await PostFromAsync(client, await client.GetStringAsync(page), handler, fields, page);

    /// <summary>Posts a form of a page already shown (a form that appears only after another post, e.g. a preview's "save").</summary>
    public static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string html, string handler, Dictionary<string, string> fields, string page = "the page")
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
        return await client.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(fields));
    }

    private static Match FormOf(string html, string handler) =>
        Regex.Match(html, $"<form[^>]*action=\"([^\"]*handler={handler})\"[^>]*>(.*?)</form>", RegexOptions.Singleline);

    [GeneratedRegex("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
