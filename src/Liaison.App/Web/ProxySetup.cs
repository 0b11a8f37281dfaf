using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Liaison.App.Web;

/// <summary>
/// Running behind a reverse proxy: <c>LIAISON_TRUSTED_PROXIES</c> (or <c>Liaison:TrustedProxies</c>)
/// lists the proxies' addresses or networks, whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed — no one else's. Rate limits, the audit log and cookies then see the real client and
/// scheme. <c>LIAISON_REQUIRE_HTTPS=1</c> (or <c>Liaison:RequireHttps</c>) redirects plain http to
/// https, marks every cookie <c>Secure</c> and sends HSTS.
/// </summary>
public sealed record ProxySettings(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks, bool RequireHttps)
{
    public bool TrustsProxies => Proxies.Count > 0 || Networks.Count > 0;

    public static ProxySettings From(IConfiguration config)
    {
        var text = config["Liaison:TrustedProxies"] ?? Environment.GetEnvironmentVariable("LIAISON_TRUSTED_PROXIES") ?? "";
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var item in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(System.Net.IPNetwork.TryParse(item, out var n) ? n : throw new FormatException($"LIAISON_TRUSTED_PROXIES: '{item}' is not an address or a network (e.g. 10.0.0.0/8)"));
            }
            else
            {
                proxies.Add(IPAddress.TryParse(item, out var a) ? a : throw new FormatException($"LIAISON_TRUSTED_PROXIES: '{item}' is not an address or a network (e.g. 127.0.0.1)"));
            }
        }
        var require = config["Liaison:RequireHttps"] ?? Environment.GetEnvironmentVariable("LIAISON_REQUIRE_HTTPS");
        return new ProxySettings(proxies, networks, require is "1" or "true" or "True" or "yes");
    }

    public void AddServices(IServiceCollection services)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nobody is trusted by default (the framework would trust loopback): only the listed proxies.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in Proxies)
            {
                o.KnownProxies.Add(p);
            }
            foreach (var n in Networks)
            {
                o.KnownIPNetworks.Add(n);
            }
            // A chain of proxies: the first address not listed is the client.
            o.ForwardLimit = null;
        });
        if (RequireHttps)
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = false;
                // Asked for explicitly: HSTS on every host name the server answers to.
                o.ExcludedHosts.Clear();
            });
            services.AddHttpsRedirection(o => o.HttpsPort = 443);
        }
    }

    public void Use(WebApplication app)
    {
        if (TrustsProxies)
        {
            app.UseForwardedHeaders();
        }
        if (RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
    }
}
