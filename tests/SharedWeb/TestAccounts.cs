using System.Net;
using System.Text.RegularExpressions;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Shared;

/// <summary>
/// One account per role on the small demo (county 370830), each with a twin scoped to another
/// part of the tree, for the web tests and the browser journeys.
/// </summary>
public static partial class TestAccounts
{
    public const string Password = "correct-horse-battery";

    /// <summary>The county of the small demo; everything in scope for the "in" accounts lies under it.</summary>
    public const string County = "370830";

    /// <summary>(user name, role, scope). The office and inspector twins see one township only.</summary>
    public static readonly (string Name, Role Role, string Scope)[] All =
    [
        ("admin", Role.Admin, "*"),
        ("office", Role.Office, County),
        ("township-office", Role.Office, "370830001"),
        ("unit-admin", Role.UnitAdmin, "unit:370830U001"),
        ("cadre", Role.Cadre, "370830001001"),
        ("inspector", Role.Inspector, County),
        ("other-inspector", Role.Inspector, "370830102"),
    ];

    public static async Task CreateAsync(DatabaseTarget target)
    {
        await using var services = AccountAdmin.Services(target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        // The cadre account keeps the field records of a cadre tied to its village (none before a plan exists).
        string? cadre;
        await using (var db = target.CreateContext())
        {
            cadre = await Liaison.Data.Field.FieldQueries.CadreOfVillageAsync(db, All.Single(a => a.Role == Role.Cadre).Scope, default);
        }
        foreach (var (name, role, s) in All)
        {
            await admin.AddAsync(new NewAccount(name, role, s, null, Password, role == Role.Cadre ? cadre : null), Actor.System, default);
        }
    }

    /// <summary>
    /// What an account starts on: a cadre's home is the field app (its villages, as the app reads
    /// them), anyone else's the workbench of their scope (the page).
    /// </summary>
    public static async Task<string> StartAsync(HttpClient client)
    {
        var home = await client.GetAsync("/");
        var field = home.StatusCode == HttpStatusCode.Redirect ? home.Headers.Location?.OriginalString == "/field" : home.RequestMessage?.RequestUri?.AbsolutePath == "/field";
        // The app's JSON escapes Chinese as \uXXXX: unescaped, it reads as the page would.
        return field ? System.Text.RegularExpressions.Regex.Unescape(await client.GetStringAsync("/api/v1/field/me")) : await home.Content.ReadAsStringAsync();
    }

    /// <summary>Whether <see cref="StartAsync"/>'s answer starts at <paramref name="home"/>: the workbench's heading, or a village of the field app.</summary>
    public static bool StartsAt(string start, string home) =>
        start.Contains($"<h1>{home}", StringComparison.Ordinal) || start.Contains($"\"name\":\"{home}\"", StringComparison.Ordinal);

    /// <summary>Signs a client in through the real form, anti-forgery token and all.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>
    /// Gives a signed-in browser client the anti-forgery header that API writes with the cookie
    /// need, as the pages' scripts do; a client that is not signed in is left as it is.
    /// </summary>
    public static async Task UseApiTokenAsync(HttpClient client)
    {
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        using var answer = await client.GetAsync("/api/v1/session/csrf");
        if (answer.StatusCode == HttpStatusCode.OK && answer.RequestMessage?.RequestUri?.AbsolutePath == "/api/v1/session/csrf")
        {
            using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.RootElement.GetProperty("token").GetString());
        }
    }

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static string FormToken(string html) => Token().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static bool IsSignedIn(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.OriginalString == "/";
}
