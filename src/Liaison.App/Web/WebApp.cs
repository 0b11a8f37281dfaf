using System.Globalization;
using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Database;
using Microsoft.AspNetCore.Localization;

namespace Liaison.App.Web;

/// <summary>Builds the web app: pages, API and the services behind them.</summary>
public static class WebApp
{
    /// <summary>Configuration key of the database (sqlite:PATH / postgres:...); empty means $LIAISON_DB or the default file.</summary>
    public const string DbKey = "Liaison:Db";

    /// <summary>Configuration key of <see cref="Data.Access.ScopeGuard"/>'s mode: off (default), log or fail.</summary>
    public const string ScopeGuardKey = "Liaison:ScopeGuard";

    public static WebApplication Create(string? db, string urls, string[] hostSettings)
    {
        // Published, wwwroot sits beside the executable; a host that names its own content root wins.
        var ownRoot = hostSettings.Any(a => a.StartsWith("--contentRoot=", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostSettings, ContentRootPath = ownRoot ? null : AppContext.BaseDirectory });
        if (db is not null)
        {
            builder.Configuration.AddInMemoryCollection([new(DbKey, db)]);
        }
        builder.WebHost.UseUrls(urls);
        // Serves wwwroot from the project under `dotnet run` in any environment; a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = RequestLimits.MaxUploadBytes;
            // No "Server: Kestrel" banner.
            k.AddServerHeader = false;
        });
        Operations.AddServices(builder);
        var proxy = ProxySettings.From(builder.Configuration);
        proxy.AddServices(builder.Services);

        var services = builder.Services;
        // Read when first needed, so that a test host's settings win over the command line's.
        services.AddSingleton(sp => DatabaseTarget.Resolve(sp.GetRequiredService<IConfiguration>()[DbKey], Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable)));
        // Pooled: setting up a context's services costs more than many a request's own work.
        services.AddDbContextPool<LiaisonDb>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseTarget>().Configure(options);
            if (sp.GetRequiredService<Data.Access.ScopeGuard>() is { Mode: not Data.Access.ScopeGuardMode.Off } guard)
            {
                options.AddInterceptors(guard);
            }
        });
        // Reads of a division's records that bypass the scoped query root: off, log or fail (the tests fail them).
        services.AddSingleton(sp => new Data.Access.ScopeGuard(
            Enum.TryParse<Data.Access.ScopeGuardMode>(sp.GetRequiredService<IConfiguration>()[ScopeGuardKey], ignoreCase: true, out var mode) ? mode : Data.Access.ScopeGuardMode.Off,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<Data.Access.ScopeGuard>()));
        services.AddSingleton(TimeProvider.System);
        // First of the background services, so that it stops last: the others' commits hand it their audit heads.
        services.AddHostedService<AuditHeadService>();
        services.AddHostedService<FirstStart>();
        services.AddScoped<LiaisonQueries>();
        services.AddScoped<Frame>();
        services.AddSingleton<Jobs>();
        services.AddScoped<Features.Accounts.AccountQueries>();
        services.AddScoped<Features.Search.Finder>();
        services.AddScoped<Features.Home.Todo>();
        // What the signed-in account may read: the one query root for records of a division (Data/Access/Scoped.cs).
        services.AddScoped(sp => new Data.Access.Scoped(sp.GetRequiredService<LiaisonDb>(), sp.GetRequiredService<Auth.Jurisdiction>().Scope));
        services.AddScoped<Features.Field.FieldApiContext>();
        services.AddSingleton<Data.Field.CadreScopeCache>();
        services.AddSingleton<Data.Field.FieldWriter>();
        services.AddSingleton<Features.Cases.IntakeLimiter>();
        services.AddHostedService<Features.Cases.CaseClock>();
        services.AddHostedService<Features.Field.FieldRollupDrainer>();
        services.AddScoped<AccountAdmin>();
        services.AddLiaisonAuth(builder.Configuration, proxy.RequireHttps);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", Policies.Read);
            o.Conventions.AuthorizeFolder("/Audit", Policies.Audit);
            o.Conventions.AuthorizeFolder("/Accounts", Policies.Accounts);
            o.Conventions.AuthorizeFolder("/People", Policies.Registries);
            o.Conventions.AuthorizePage("/Divisions/Reveal", Policies.Reveal);
            o.Conventions.AuthorizePage("/Liaisons/Edit", Policies.Plan);
            o.Conventions.AuthorizePage("/Policy/Edit", Policies.Plan);
            o.Conventions.AuthorizeFolder("/Imports", Policies.Plan);
            o.Conventions.AuthorizePage("/Field/Flags", Policies.Supervise);
            o.Conventions.AuthorizePage("/Field/Residence", Policies.Supervise);
            // Rounds and call lists are the supervisors' alone: those inspected never read them.
            o.Conventions.AuthorizeFolder("/Supervision", Policies.Supervise);
            // 年度考核: offices run, adjust and publish it and read the masses' evaluation; a person reads their own result (checked on the page).
            o.Conventions.AuthorizePage("/Assessment/Index", Policies.Assess);
            o.Conventions.AuthorizePage("/Assessment/Run", Policies.Assess);
            o.Conventions.AuthorizePage("/Assessment/Evaluation", Policies.Assess);
            o.Conventions.AuthorizePage("/Assessment/Observations", Policies.Assess);
            // The year's close, opening and reopening: the assessing offices read it; only the city's office acts (the store checks).
            o.Conventions.AuthorizeFolder("/Years", Policies.Assess);
            // Published for public supervision (DOMAIN.md section 2.1): no sign-in.
            o.Conventions.AllowAnonymousToPage("/Public/Contacts");
            o.Conventions.AllowAnonymousToPage("/Public/Figures");
            o.Conventions.AllowAnonymousToPage("/Public/Index");
            o.Conventions.AllowAnonymousToPage("/Public/Notices");
            o.Conventions.AllowAnonymousToPage("/Public/Village");
            // The contact card's form and the tracking page: villagers never sign in.
            o.Conventions.AllowAnonymousToPage("/Cases/Report");
            o.Conventions.AllowAnonymousToPage("/Cases/Track");
            // 群众评议 from the village's QR code: villagers never sign in.
            o.Conventions.AllowAnonymousToPage("/Assessment/Evaluate");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Errors/Index");
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailable>();
        services.AddExceptionHandler<Refusals>();
        services.AddOpenApi("v1");
        services.AddLocalization();
        // Chinese text as text, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        var app = builder.Build();
        // First: everything after it sees the real client address and scheme.
        proxy.Use(app);
        // Browsers get pages in their language for errors; the API and the probes keep ProblemDetails.
        app.UseWhen(IsApi, api => { api.UseExceptionHandler(); api.UseStatusCodePages(); });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                StatusCodeSelector = e => DatabaseProblems.IsTransient(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        // Routing after the error handlers, so that a re-executed request (/error/404) finds its page.
        app.UseRouting();
        Operations.UseRequestMetrics(app);
        app.Use(SecurityHeaders.Apply);
        app.Use(RequestLimits.Apply);
        app.UseRequestLocalization(Localization());
        app.UseAuthentication();
        app.Use(PasswordChangeGate.Apply);
        app.Use(ApiWriteGate.Apply);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapLanguageSwitch().AllowAnonymous().RequireRateLimiting(AuthSetup.PublicLimit);
        app.MapOpenApi("/api/{documentName}/openapi.json").RequireAuthorization(Policies.Read);
        Features.Divisions.DivisionApi.Map(app.MapGroup("/api/v1").WithTags("divisions").RequireAuthorization(Policies.Read));
        Features.Liaisons.PlanApi.Map(app.MapGroup("/api/v1").WithTags("plan").RequireAuthorization(Policies.Read));
        Features.Field.FieldApi.Map(app.MapGroup("/api/v1").WithTags("field").RequireAuthorization(Policies.Read));
        Features.Search.PickApi.Map(app.MapGroup("/api/v1").WithTags("pickers").RequireAuthorization(Policies.Read));
        Features.Reports.ReportApi.Map(app.MapGroup("/api/v1").WithTags("reports").RequireAuthorization(Policies.Read));
        ApiWriteGate.Map(app.MapGroup("/api/v1").WithTags("session").RequireAuthorization(Policies.Read));
        Operations.Map(app);
        return app;
    }

    /// <summary>What machines call (the API, health and metrics): errors as ProblemDetails or bare statuses, never a page.</summary>
    private static bool IsApi(HttpContext c) =>
        c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/healthz") || c.Request.Path.StartsWithSegments("/readyz") || c.Request.Path.StartsWithSegments("/metrics");

    private static RequestLocalizationOptions Localization()
    {
        string[] cultures = ["zh-CN", "en"];
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture("zh-CN")
            .AddSupportedCultures(cultures)
            .AddSupportedUICultures(cultures);
        // The choice made with the language switch (a cookie) wins; otherwise zh-CN, not the browser's guess.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
