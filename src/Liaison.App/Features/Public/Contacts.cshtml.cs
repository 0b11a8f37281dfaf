using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Policy;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Public;

/// <summary>One leader's published contact points.</summary>
public sealed record PublishedLeader(string Name, CadreRank Rank, string Unit, IReadOnlyList<(DivisionLevel Level, string Code, string Name)> Points);

/// <summary>A First Secretary as published: name, unit, the village served, who sent them.</summary>
public sealed record PublishedSecretary(string Name, string Unit, string VillageCode, string Village, Liaison.Domain.Secretaries.DispatchLevel Level);

/// <summary>
/// The leaders' contact points as the programme publishes them for public supervision
/// (DOMAIN.md section 2.1): open to everyone, no sign-in. It reads the whole city on purpose, and
/// only what is published: names, posts and places; never phones or other personal data.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class ContactsModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    /// <summary>A village's, township's or leader's name (part of it): a villager looks up their own village.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public int Year { get; private set; }
    public string Telephone { get; private set; } = "";
    public List<(string Code, string Name)> Counties { get; private set; } = [];
    public List<PublishedLeader> Leaders { get; private set; } = [];
    public List<PublishedSecretary> Secretaries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ChinaTime.Today(clock).Year;
        var policy = (await PolicyStore.GetAsync(db, Year, ct)).Policy;
        Telephone = policy.Public.Telephone;
        var published = Data.Access.Scoped.Public(db);
        Counties = (await published.Divisions.Where(d => d.Level == DivisionLevel.County).OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name)).ToList();
        CadreRank[] ranks = policy.Public.ShowUnitLeaders ? [CadreRank.CityLeader, CadreRank.CountyLeader, CadreRank.UnitLeader] : [CadreRank.CityLeader, CadreRank.CountyLeader];
        var year = Year;
        var rows = await (from t in published.Ties
                          join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                          join u in published.UnitNames on c.UnitId equals u.Id
                          join d in published.Names on t.DivisionCode equals d.Code
                          where t.Year == year && t.Until == null && t.Kind == TieKind.ContactPoint && ranks.Contains(c.Rank)
                          select new { c.Id, c.Name, c.Rank, Unit = u.Name, d.Level, DivisionCode = d.Code, Place = d.Name })
            .ToListAsync(ct);
        var county = County is { Length: 6 } ? County : null;
        var postings = published.Under(county).Postings.Where(p => p.Year == year && p.Until == null);
        Secretaries = (await (from p in postings
                              join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                              join u in published.UnitNames on c.UnitId equals u.Id
                              join call in db.SecretaryCalls.AsNoTracking() on p.CallId equals call.Id
                              join d in published.Names on p.VillageCode equals d.Code
                              orderby p.VillageCode
                              select new { c.Name, Unit = u.Name, p.VillageCode, Village = d.Name, call.Level }).ToListAsync(ct))
            .Select(x => new PublishedSecretary(x.Name, x.Unit, x.VillageCode, x.Village, x.Level)).ToList();
        Leaders = rows.GroupBy(r => r.Id)
            // A county's page lists the leaders whose contact points lie in it, city leaders included.
            .Where(g => county is null || g.Any(r => DivisionCode.IsInSubtree(r.DivisionCode, county)))
            .Select(g => new PublishedLeader(g.First().Name, g.First().Rank, g.First().Unit,
                g.OrderBy(r => r.Level).Select(r => (r.Level, r.DivisionCode, r.Place)).ToList()))
            .OrderBy(l => l.Rank).ThenBy(l => l.Points.Count > 0 ? l.Points[0].Code : "", StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        if (Query?.Trim() is { Length: > 0 } q)
        {
            Leaders = Leaders.Where(l => l.Name.Contains(q, StringComparison.Ordinal) || l.Points.Any(p => p.Name.Contains(q, StringComparison.Ordinal))).ToList();
            Secretaries = Secretaries.Where(s => s.Village.Contains(q, StringComparison.Ordinal) || s.Name.Contains(q, StringComparison.Ordinal)).ToList();
        }
    }
}
