using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Search;

/// <summary>One thing found: the value a form takes (a code, a staff number), what a person reads, where it sits, and its page.</summary>
public sealed record Found(string Value, string Text, string? Path, string Href);

/// <summary>
/// Finds divisions, people, units, households and cases by what a person knows of them (a name, a
/// staff number, a house number, a tracking code), within the signed-in scope. The pickers of every
/// form and the global search both ask here, so that what one offers the other finds.
/// </summary>
public sealed class Finder(Data.Access.Scoped scoped)
{
    public const int Limit = 20;

    /// <summary>Divisions by name or the start of their code, optionally of one level and under one division; each with its path.</summary>
    public async Task<List<Found>> DivisionsAsync(string? text, DivisionLevel? level, string? under, CancellationToken ct)
    {
        var q = (text ?? "").Trim();
        // A code is searched by its start: the subtree under it, narrowed by Scoped as DivisionQueries.SearchAsync does.
        var numeric = q.Length > 0 && q.All(char.IsAsciiDigit);
        var query = (numeric ? scoped.Under(under).Under(q) : scoped.Under(under)).Divisions;
        if (level is { } l)
        {
            query = query.Where(d => d.Level == l);
        }
        if (q.Length > 0 && !numeric)
        {
            query = query.Where(d => d.Name.Contains(q));
        }
        var found = await query.OrderBy(d => d.Level).ThenBy(d => d.Code).Take(Limit).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        var paths = await PathsAsync(found.Select(f => f.Code), ct);
        return found.Select(f => new Found(f.Code, f.Name, paths[f.Code], "/divisions/" + f.Code)).ToList();
    }

    /// <summary>
    /// Cadres by name, the start of their staff number, or their unit's name: the people within reach
    /// (<see cref="Data.Access.Scoped.People"/>, the rule of the plan's person page).
    /// </summary>
    public async Task<List<Found>> PeopleAsync(string? text, CancellationToken ct)
    {
        var q = (text ?? "").Trim();
        if (q.Length == 0 || scoped.Scope is null)
        {
            return [];
        }
        var found = await (from c in scoped.People
                           join u in scoped.UnitNames on c.UnitId equals u.Id
                           where c.Name.Contains(q) || c.Code.StartsWith(q) || u.Name.Contains(q)
                           orderby c.Name.StartsWith(q) descending, c.Code
                           select new { c.Code, c.Name, Unit = u.Name })
            .Take(Limit).ToListAsync(ct);
        return found.Select(f => new Found(f.Code, $"{f.Name} · {f.Code}", f.Unit, "/plan/people/" + f.Code)).ToList();
    }

    /// <summary>Units in scope by name or the start of their code.</summary>
    public async Task<List<Found>> UnitsAsync(string? text, CancellationToken ct)
    {
        var q = (text ?? "").Trim();
        var query = scoped.Units.Where(u => q.Length == 0 || u.Name.Contains(q) || u.Code.StartsWith(q));
        var found = await query.OrderBy(u => u.Code).Take(Limit).Select(u => new { u.Id, u.Code, u.Name, u.DivisionCode }).ToListAsync(ct);
        var paths = await PathsAsync(found.Select(f => f.DivisionCode), ct, includeSelf: true);
        return found.Select(f => new Found(f.Code, f.Name, paths[f.DivisionCode], "/plan/" + f.DivisionCode)).ToList();
    }

    /// <summary>
    /// A village's households by house number or the head's name, shown masked (王**): names are
    /// sealed in the database, so a village's households (hundreds at most) are read and matched here.
    /// </summary>
    public async Task<List<Found>> HouseholdsAsync(string village, string? text, CancellationToken ct)
    {
        var q = (text ?? "").Trim();
        var rows = await scoped.Households.Where(h => h.VillageCode == village).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.HouseNo, h.HeadName }).ToListAsync(ct);
        return rows.Where(h => q.Length == 0 || h.HouseNo.Contains(q, StringComparison.Ordinal) || h.HeadName.StartsWith(q, StringComparison.Ordinal))
            .Take(Limit)
            .Select(h => new Found(h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{h.HouseNo} · {PersonalData.MaskName(h.HeadName)}", null, $"/divisions/{village}#household-{h.Id}"))
            .ToList();
    }

    /// <summary>Households of every village in scope by house number (the global search: names stay sealed there).</summary>
    public async Task<List<Found>> HouseholdsByNumberAsync(string? text, CancellationToken ct)
    {
        var q = (text ?? "").Trim();
        if (q.Length == 0)
        {
            return [];
        }
        var rows = await scoped.Households.Where(h => h.HouseNo == q).OrderBy(h => h.VillageCode).Take(Limit)
            .Select(h => new { h.Id, h.HouseNo, h.HeadName, h.VillageCode }).ToListAsync(ct);
        var paths = await PathsAsync(rows.Select(r => r.VillageCode), ct, includeSelf: true);
        return rows.Select(h => new Found(h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{h.HouseNo} · {PersonalData.MaskName(h.HeadName)}", paths[h.VillageCode], $"/divisions/{h.VillageCode}#household-{h.Id}")).ToList();
    }

    /// <summary>A case in scope by its tracking code (as printed, dashes or not).</summary>
    public async Task<List<Found>> CasesAsync(string? text, CancellationToken ct)
    {
        var code = Domain.Cases.TrackingCode.Normalize(text ?? "");
        if (code is null)
        {
            return [];
        }
        var rows = await scoped.Cases.Where(c => c.TrackingCode == code).Select(c => new { c.Id, c.TrackingCode, c.Description, c.VillageCode }).ToListAsync(ct);
        var paths = await PathsAsync(rows.Select(r => r.VillageCode), ct, includeSelf: true);
        return rows.Select(c => new Found(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{Domain.Cases.TrackingCode.Display(c.TrackingCode)} · {Shorten(c.Description)}", paths[c.VillageCode], "/cases/" + c.Id)).ToList();
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private Task<Dictionary<string, string?>> PathsAsync(IEnumerable<string> codes, CancellationToken ct, bool includeSelf = false) =>
        Web.DivisionPaths.OfAsync(scoped, codes, includeSelf, ct);
}
