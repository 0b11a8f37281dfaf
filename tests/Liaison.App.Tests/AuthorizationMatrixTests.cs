using System.Net;
using Liaison.App.Auth;
using Liaison.Domain.Access;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>
/// Every endpoint of the application × every role × in scope / out of scope, generated from the
/// application's own endpoint list. An endpoint without a declared policy, or one this table does
/// not know how to call, fails the test: nothing new slips past.
/// </summary>
[Collection("app")]
public class AuthorizationMatrixTests(AppFixture app)
{
    /// <summary>How to call each route, given a division code the caller may or may not see.</summary>
    internal static readonly Dictionary<string, Func<string, string>> Samples = new()
    {
        ["/"] = _ => "/",
        ["/divisions"] = _ => "/divisions",
        ["/divisions/{code}"] = code => $"/divisions/{code}",
        ["/search"] = code => $"/search?q={code}",
        ["/audit"] = code => $"/audit?division={code}",
        ["/account/login"] = _ => "/account/login",
        ["/account/login-2fa"] = _ => "/account/login-2fa",
        ["/account/denied"] = _ => "/account/denied",
        ["/account/logout"] = _ => "/account/logout",
        ["/account/security"] = _ => "/account/security",
        ["/account/password"] = _ => "/account/password",
        ["/api/v1/session/csrf"] = _ => "/api/v1/session/csrf",
        ["/lang/{culture}"] = _ => "/lang/en?returnUrl=%2F",
        ["/healthz"] = _ => "/healthz",
        ["/readyz"] = _ => "/readyz",
        ["/metrics"] = _ => "/metrics",
        ["/api/v1/divisions/{code}"] = code => $"/api/v1/divisions/{code}",
        ["/api/v1/divisions"] = code => $"/api/v1/divisions?q={code}",
        ["/api/v1/indicators"] = _ => "/api/v1/indicators",
        ["/api/{documentName}/openapi.json"] = _ => "/api/v1/openapi.json",
        ["/divisions/{village}/households/{id:long}/reveal"] = code => $"/divisions/{code}/households/1/reveal",
        ["/plan"] = _ => "/plan",
        ["/plan/{code}"] = code => $"/plan/{code}",
        ["/plan/check"] = code => $"/plan/check?code={code}",
        ["/plan/people/{code}"] = _ => "/plan/people/C000001",
        ["/plan/units/{code}"] = _ => "/plan/units/370830U001",
        ["/plan/participation"] = code => $"/plan/participation?code={code}",
        ["/plan/ties/{id:long}"] = _ => "/plan/ties/1",
        ["/plan/ties/{id:long}/stays"] = _ => "/plan/ties/1/stays",
        ["/teams"] = code => $"/teams?code={code}",
        ["/teams/{id:long}"] = _ => "/teams/1",
        ["/help"] = code => $"/help?code={code}",
        ["/help/{id:long}"] = _ => "/help/1",
        ["/nights"] = code => $"/nights?code={code}",
        ["/nights/{id:long}"] = _ => "/nights/1",
        ["/deeds"] = code => $"/deeds?code={code}",
        ["/commitments"] = code => $"/commitments?code={code}",
        ["/agreements"] = code => $"/agreements?code={code}",
        ["/grading"] = code => $"/grading?code={code}",
        ["/grading/{id:long}"] = _ => "/grading/1",
        ["/agreements/{id:long}"] = _ => "/agreements/1",
        ["/commitments/{id:long}"] = _ => "/commitments/1",
        ["/public/villages/{code?}"] = _ => "/public/villages/370830001001",
        ["/plan/edit"] = _ => "/plan/edit?tie=1",
        ["/policy"] = _ => "/policy",
        ["/policy/edit"] = _ => "/policy/edit",
        ["/imports"] = _ => "/imports",
        ["/jobs/{id:guid}"] = _ => "/jobs/5f0c4a9e-0000-4000-8000-000000000000",
        ["/admin/accounts"] = _ => "/admin/accounts",
        ["/admin/accounts/new"] = _ => "/admin/accounts/new",
        ["/admin/accounts/{name}"] = _ => "/admin/accounts/township-office",
        ["/public/contacts"] = _ => "/public/contacts",
        ["/api/v1/plan/divisions/{code}"] = code => $"/api/v1/plan/divisions/{code}",
        ["/api/v1/plan/people/{code}"] = _ => "/api/v1/plan/people/C000001",
        ["/secretaries"] = _ => "/secretaries",
        ["/secretaries/calls/{id:int}"] = _ => "/secretaries/calls/1",
        ["/secretaries/postings/{id:long}"] = _ => "/secretaries/postings/1",
        ["/secretaries/postings/{id:long}/duties"] = _ => "/secretaries/postings/1/duties",
        ["/field"] = _ => "/field",
        ["/field/progress/{code?}"] = code => $"/field/progress/{code}",
        ["/field/residence"] = code => $"/field/residence?code={code}",
        ["/field/flags"] = code => $"/field/flags?code={code}",
        ["/api/v1/field/me"] = _ => "/api/v1/field/me",
        ["/api/v1/field/visits"] = _ => "/api/v1/field/visits",
        ["/api/v1/field/stays"] = _ => "/api/v1/field/stays",
        ["/api/v1/field/activities"] = _ => "/api/v1/field/activities",
        ["/api/v1/field/nights"] = _ => "/api/v1/field/nights",
        ["/api/v1/field/deeds"] = _ => "/api/v1/field/deeds",
        ["/cases"] = _ => "/cases",
        ["/cases/{id:long}"] = _ => "/cases/1",
        ["/disputes"] = _ => "/disputes",
        ["/cases/figures"] = _ => "/cases/figures",
        ["/public/report/{village?}"] = _ => "/public/report/370830001001",
        ["/public/evaluate/{village}"] = _ => "/public/evaluate/370830001001",
        ["/public"] = _ => "/public",
        ["/error/{code:int}"] = _ => "/error/404",
        ["/api/v1/pick/divisions"] = code => $"/api/v1/pick/divisions?q={code}",
        ["/api/v1/pick/people"] = _ => "/api/v1/pick/people?q=%E7%8E%8B",
        ["/api/v1/pick/units"] = _ => "/api/v1/pick/units?q=%E5%8E%BF",
        ["/api/v1/pick/households"] = code => $"/api/v1/pick/households?village={code}001001",
        ["/api/v1/pick/public-villages"] = _ => "/api/v1/pick/public-villages?q=%E5%8D%97%E9%97%A8",
        ["/public/track"] = _ => "/public/track?code=2345-6789-ABCD",
        ["/reports/{code?}"] = code => $"/reports/{code}",
        ["/public/figures/{code?}"] = _ => "/public/figures/370830",
        ["/api/v1/reports/campaign"] = code => $"/api/v1/reports/campaign?division={code}",
        ["/people"] = _ => "/people",
        ["/people/cadres/{code}"] = _ => "/people/cadres/C000001",
        ["/people/cadres/new"] = _ => "/people/cadres/new",
        ["/people/units/{code}"] = _ => "/people/units/370830U001",
        ["/people/units/new"] = _ => "/people/units/new",
        ["/people/households/{id:long}"] = _ => "/people/households/1",
        ["/people/households/new"] = code => $"/people/households/new?village={code}001001",
        ["/supervision"] = code => $"/supervision?code={code}",
        ["/supervision/rounds/{id:long}"] = _ => "/supervision/rounds/1",
        ["/supervision/inspections/{id:long}"] = _ => "/supervision/inspections/1",
        ["/supervision/samples/{id:long}"] = _ => "/supervision/samples/1",
        ["/supervision/reviews"] = code => $"/supervision/reviews?code={code}",
        ["/notices"] = code => $"/notices?code={code}",
        ["/notices/{id:long}"] = _ => "/notices/1",
        ["/orders"] = code => $"/orders?code={code}",
        ["/orders/{id:long}"] = _ => "/orders/1",
        ["/public/notices"] = _ => "/public/notices",
        ["/assessment"] = code => $"/assessment?code={code}",
        ["/assessment/runs/{id:long}"] = _ => "/assessment/runs/1",
        ["/assessment/results/{id:long}"] = _ => "/assessment/results/1",
        ["/assessment/evaluation"] = _ => "/assessment/evaluation?code=370830001001",
        ["/assessment/mine"] = _ => "/assessment/mine",
        ["/assessment/observations"] = code => $"/assessment/observations?code={code}",
        ["/supervision/calls/{call:long}/evaluation"] = _ => "/supervision/calls/1/evaluation",
        ["/years"] = _ => "/years",
    };

    /// <summary>Routes whose answer depends on the division in the path: outside the scope they must be 404.</summary>
    internal static readonly HashSet<string> Scoped = ["/divisions/{code}", "/api/v1/divisions/{code}", "/plan/{code}", "/plan/check", "/api/v1/plan/divisions/{code}",
        "/field/progress/{code?}", "/field/residence", "/field/flags", "/reports/{code?}", "/api/v1/reports/campaign", "/supervision", "/supervision/reviews"];

    /// <summary>A division each account sees, and one next to it that it does not (none for the administrator).</summary>
    private static readonly Dictionary<string, (string In, string? Out)> Codes = new()
    {
        ["admin"] = ("370830", null),
        ["office"] = ("370830", "3708"),
        ["township-office"] = ("370830001", "370830002"),
        ["unit-admin"] = ("370830", "3708"),
        ["cadre"] = ("370830001001", "370830001002"),
        ["inspector"] = ("370830", "3708"),
        ["other-inspector"] = ("370830102", "370830001"),
    };

    private List<(string Pattern, string[] Methods, string? Policy, bool Anonymous)> Endpoints()
    {
        var source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && !IsDevelopmentAssetFallback(e))
            .Select(e => (
                Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"],
                Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .GroupBy(e => e.Pattern).Select(g => g.First())
            .ToList();
    }

    /// <summary>
    /// Where front-end files come from the project folder (`dotnet run`), the static-asset system
    /// adds a catch-all for files it has not indexed. It declares nothing, so the fallback policy
    /// (signed in, may read) closes it; the test below shows that.
    /// </summary>
    private static bool IsDevelopmentAssetFallback(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata") && e.RoutePattern.RawText == "{**path:file}";

    [Fact]
    public async Task Unknown_files_are_closed_to_anonymous_callers_like_everything_undeclared()
    {
        var response = await app.Anonymous(followRedirects: false).GetAsync("/no-such-file.txt");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_endpoint_declares_a_policy_or_anonymous_access_and_is_in_the_matrix()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints, e =>
        {
            Assert.True(e.Anonymous || e.Policy is not null, $"{e.Pattern} declares no policy");
            Assert.True(e.Anonymous || Policies.Abilities.ContainsKey(e.Policy!), $"{e.Pattern}: unknown policy {e.Policy}");
            Assert.True(Samples.ContainsKey(e.Pattern), $"{e.Pattern} is not in the authorization matrix: add how to call it to Samples");
        });
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_in_and_out_of_scope_as_its_policy_says()
    {
        var failures = new List<string>();
        var cases = 0;
        var endpoints = Endpoints().Where(e => e.Methods.Contains("GET")).ToList();
        var anonymous = app.Anonymous(followRedirects: false);
        foreach (var e in endpoints)
        {
            var path = Samples[e.Pattern]("370830");
            var status = (await anonymous.GetAsync(path)).StatusCode;
            cases++;
            var expected = e.Anonymous ? "2xx/3xx" : e.Pattern.StartsWith("/api", StringComparison.Ordinal) ? "401" : "302 to sign-in";
            var ok = e.Anonymous ? (int)status < 400 || (e.Pattern == "/account/denied" && status == HttpStatusCode.Forbidden) || (e.Pattern == "/error/{code:int}" && status == HttpStatusCode.NotFound) : e.Pattern.StartsWith("/api", StringComparison.Ordinal) ? status == HttpStatusCode.Unauthorized : status == HttpStatusCode.Redirect;
            if (!ok)
            {
                failures.Add($"anonymous GET {path}: {(int)status}, expected {expected}");
            }
        }
        foreach (var (name, role, _) in TestAccounts.All)
        {
            var client = await app.SignedInAsync(name);
            var (inCode, outCode) = Codes[name];
            foreach (var e in endpoints.Where(e => !e.Anonymous))
            {
                var allowed = Roles.May(role, Policies.Abilities[e.Policy!]);
                foreach (var (code, inside) in new[] { (inCode, true), (outCode, false) })
                {
                    if (code is null || (!inside && !Scoped.Contains(e.Pattern)))
                    {
                        continue;
                    }
                    var path = Samples[e.Pattern](code);
                    var response = await client.GetAsync(path);
                    var status = response.StatusCode;
                    cases++;
                    var expected = !allowed ? Forbidden(e.Pattern) : inside ? Success(e.Pattern) : [HttpStatusCode.NotFound];
                    var location = response.Headers.Location?.OriginalString ?? "";
                    // A redirect is a success only when it does not send the caller to sign in or to "not allowed".
                    var wrongRedirect = status == HttpStatusCode.Redirect && e.Pattern != "/account/logout" && (allowed
                        ? location.Contains("/account/", StringComparison.Ordinal)
                        : !location.Contains("/account/denied", StringComparison.Ordinal));
                    if (!expected.Contains(status) || wrongRedirect)
                    {
                        failures.Add($"{name} ({role}) GET {path}: {(int)status}, expected {string.Join("/", expected.Select(s => (int)s))}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
        Assert.True(cases > 90, $"only {cases} cases");
        // And every one of those requests read the records of a division through the scoped query root (or an explained section).
        var guard = app.Factory.Services.GetRequiredService<Liaison.Data.Access.ScopeGuard>();
        Assert.Equal(Liaison.Data.Access.ScopeGuardMode.Fail, guard.Mode);
        Assert.True(guard.Findings.Count == 0, "unscoped reads:\n" + string.Join("\n", guard.Findings));
    }

    /// <summary>Not allowed: the API says 403; a page sends the caller to /account/denied.</summary>
    private static HttpStatusCode[] Forbidden(string pattern) =>
        pattern.StartsWith("/api", StringComparison.Ordinal) ? [HttpStatusCode.Forbidden] : [HttpStatusCode.Redirect];

    /// <summary>Allowed: the page itself, or for a reveal of a household that is not in that village, not found.</summary>
    private static HttpStatusCode[] Success(string pattern) => pattern switch
    {
        "/divisions/{village}/households/{id:long}/reveal" => [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed],
        "/account/logout" => [HttpStatusCode.Redirect],
        "/plan" => [HttpStatusCode.Redirect],
        // One fixed person and tie: in some scopes they exist, in others they are (rightly) not found.
        "/plan/people/{code}" or "/plan/units/{code}" or "/plan/ties/{id:long}" or "/plan/ties/{id:long}/stays" or "/teams/{id:long}" or "/help/{id:long}" or "/nights/{id:long}" or "/commitments/{id:long}" or "/agreements/{id:long}" or "/grading/{id:long}" or "/plan/edit" or "/api/v1/plan/people/{code}" or "/secretaries/calls/{id:int}" or "/secretaries/postings/{id:long}" or "/secretaries/postings/{id:long}/duties"
            or "/cases/{id:long}" or "/people/cadres/{code}" or "/people/units/{code}" or "/people/households/{id:long}"
            or "/supervision/rounds/{id:long}" or "/supervision/inspections/{id:long}" or "/supervision/samples/{id:long}" or "/notices/{id:long}" or "/orders/{id:long}"
            or "/assessment/runs/{id:long}" or "/assessment/results/{id:long}" or "/supervision/calls/{call:long}/evaluation" => [HttpStatusCode.OK, HttpStatusCode.NotFound],
        // A job lives only while someone started it: an unknown one is not found, for everyone.
        "/jobs/{id:guid}" => [HttpStatusCode.NotFound],
        "/divisions" => [HttpStatusCode.Redirect],
        // A cadre's home is the field app; everyone else's the workbench.
        "/" => [HttpStatusCode.OK, HttpStatusCode.Redirect],
        // A cadre's own field records: accounts not linked to a cadre are told so (FieldApiTests checks each case).
        "/api/v1/field/me" or "/api/v1/field/visits" or "/api/v1/field/stays" => [HttpStatusCode.OK, HttpStatusCode.Forbidden],
        _ => [HttpStatusCode.OK],
    };
}
