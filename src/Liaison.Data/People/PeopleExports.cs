using System.Globalization;
using System.Runtime.CompilerServices;
using Liaison.Data.Access;
using Liaison.Data.Export;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary>Where an export goes, in which language, and whether personal data leaves unmasked (what it reaches is the <see cref="Scoped"/> it is given).</summary>
public sealed record ExportRequest(string Path, UiLanguage Language, bool Unmasked)
{
    /// <summary>The plan year, for exports of a year's records.</summary>
    public int? Year { get; init; }
}

/// <summary>
/// <c>liaison export units|cadres|households</c>: the import's own columns, so that a file can be
/// edited and imported again. Personal data (cadres' phones, households' heads and phones) is
/// masked, as on screen, unless the request may and asks to see it (and then it is audited by the caller).
/// </summary>
public static class PeopleExports
{
    public static Task<long> UnitsAsync(Scoped scoped, ExportRequest r, CancellationToken ct) =>
        TableExport.WriteAsync(r.Path, Headers(UnitImporter.Layout, r.Language), Units(scoped, r.Language == UiLanguage.English, ct), ct);

    /// <summary>The cadres of the units within reach.</summary>
    public static Task<long> CadresAsync(Scoped scoped, ExportRequest r, CancellationToken ct) =>
        TableExport.WriteAsync(r.Path, Headers(CadreImporter.Layout, r.Language), Cadres(scoped, r.Language == UiLanguage.English, r.Unmasked, ct), ct);

    public static Task<long> HouseholdsAsync(Scoped scoped, ExportRequest r, CancellationToken ct) =>
        TableExport.WriteAsync(r.Path, Headers(HouseholdImporter.Layout, r.Language), Households(scoped, r.Language == UiLanguage.English, r.Unmasked, ct), ct);

    private static List<string> Headers(IReadOnlyList<Import.ImportColumn> columns, UiLanguage language) => columns.Select(c => c.Header(language)).ToList();

    private static string YesNo(bool value, bool en) => en ? (value ? "yes" : "no") : (value ? "是" : "否");

    private static async IAsyncEnumerable<string[]> Units(Scoped scoped, bool en, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in scoped.Units.OrderBy(u => u.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [u.Code, u.Name, Terms.UnitLevels[u.Level].In(en), Terms.UnitCategories[u.Category].In(en), u.DivisionCode];
        }
    }

    private static async IAsyncEnumerable<string[]> Cadres(Scoped scoped, bool en, bool unmasked, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = from c in scoped.Db.Cadres.AsNoTracking() join u in scoped.Units on c.UnitId equals u.Id select new { c, u.Code };
        await foreach (var x in query.OrderBy(x => x.c.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            var c = x.c;
            yield return [c.Code, c.Name, x.Code, Terms.Ranks[c.Rank].In(en), YesNo(c.IsReserve, en), YesNo(c.IsPolice, en), YesNo(c.IsNewlyPromoted, en),
                c.BirthYear.ToString(CultureInfo.InvariantCulture), Terms.Genders[c.Gender].In(en), unmasked ? c.Phone ?? "" : PersonalData.MaskPhone(c.Phone)];
        }
    }

    private static async IAsyncEnumerable<string[]> Households(Scoped scoped, bool en, bool unmasked, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var h in scoped.Households.OrderBy(h => h.VillageCode).ThenBy(h => h.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [h.VillageCode, h.HouseNo, unmasked ? h.HeadName : PersonalData.MaskName(h.HeadName), unmasked ? h.HeadPhone ?? "" : PersonalData.MaskPhone(h.HeadPhone), h.MemberCount.ToString(CultureInfo.InvariantCulture),
                .. HouseholdCategories.All.Select(cat => YesNo(h.Categories.HasFlag(cat), en))];
        }
    }

}
