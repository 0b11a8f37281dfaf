using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;
using Liaison.Data.Secretaries;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Imports;

/// <summary>
/// One kind of file an office brings: its name, its template's columns and an example row taken
/// from the database's own divisions (never one city's), its preview and its import (with the scope
/// the file is the whole roster of, for the kinds that may be declared complete).
/// </summary>
public sealed record ImportKind(
    string Key,
    Term Name,
    IReadOnlyList<ImportColumn> Columns,
    Func<TemplateExample, string[]> Example,
    Func<LiaisonDb, TimeProvider, string, ImportOptions, CancellationToken, Task<ImportPreview>> PreviewAsync,
    Func<LiaisonDb, TimeProvider, string, ImportOptions, Actor, Action<ImportProgress>, CancellationToken, Task<ImportDone>> ImportAsync)
{
    /// <summary>Whether the file may be declared the whole roster of a scope (cadres, households): who is missing is ended.</summary>
    public bool Completable { get; init; }

    /// <summary>
    /// Whether an office may import it inside its own jurisdiction (every row, and every record a row
    /// changes, in its division): profiles, units, cadres, households, work teams. The division list and the First
    /// Secretary registrations are the whole database's.
    /// </summary>
    public bool Regional { get; init; }
}

/// <summary>How a file is imported: the scope it is the whole roster of (or none), and the uploader's jurisdiction where it does not hold the whole database.</summary>
public sealed record ImportOptions(string? CompleteFor = null, string? Within = null, string? Merges = null, bool Withdraw = false);

/// <summary>What a confirmed import did: the rows written and the records it ended (an import complete for a scope).</summary>
public sealed record ImportDone(long Rows, long Ends = 0, long Merged = 0);

/// <summary>Codes of this database to fill a template's example row: a city, a county, a township, a village.</summary>
public sealed record TemplateExample(string City, string County, string Township, string Village, int Year)
{
    /// <summary>The first of each level the database holds; placeholders where it holds none yet.</summary>
    public static async Task<TemplateExample> OfAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        using var whole = Unscoped.Section("a template's example codes: the first division of each level, the same for everyone");
        async Task<string> First(DivisionLevel level, string none) =>
            await db.Divisions.AsNoTracking().Where(d => d.Level == level).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(ct) ?? none;
        return new(await First(DivisionLevel.City, "0000"), await First(DivisionLevel.County, "000000"),
            await First(DivisionLevel.Township, "000000000"), await First(DivisionLevel.Village, "000000000000"), year);
    }
}

public static class ImportKinds
{
    private static ImportDone Done(ImportResult r) => new(r.Rows, r.Report?.Ends ?? 0);

    private static string Y(TemplateExample e) => e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<ImportKind> All { get; } =
    [
        new("divisions", new("行政区划", "Divisions"), DivisionImporter.Columns,
            e => [e.Village, "某某村委会", "village", e.Township, "village"],
            // A newer NBS list: its withdrawals and the village merges file (Merges) previewed and applied with it.
            (db, _, path, o, ct) => DivisionImporter.PreviewAsync(db, path, null, ct, new DivisionChangeOptions(o.Merges, o.Withdraw)),
            async (db, clock, path, o, actor, progress, ct) =>
            {
                var r = await DivisionImporter.ImportAsync(db, clock, path, null, progress, ct, actor, new DivisionChangeOptions(o.Merges, o.Withdraw));
                return new ImportDone(r.Rows, r.Withdrawn, r.Merged);
            }),
        new("village-profiles", new("村情", "Village profiles"), VillageProfileImporter.Layout,
            e => [e.Village, Y(e), "难村、乱村", "后进", "", "", "1850", "520", "120000", "6.5", ""],
            // A file without a 年度 column is this year's profiles (the preview's keys say which year).
            (db, clock, path, o, ct) => new VillageProfileImporter(clock, Path.GetFileName(path), new Actor("preview"), ChinaTime.Today(clock).Year) { Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => new((await new VillageProfileImporter(clock, Path.GetFileName(path), actor, ChinaTime.Today(clock).Year) { Within = o.Within }.ImportAsync(db, path, progress, ct, actor)).Rows))
        { Regional = true },
        new("units", new("单位", "Units"), UnitImporter.Layout,
            e => ["U001", "县委办公室", "县级", "党政部门", e.County],
            (db, clock, path, o, ct) => new UnitImporter(clock) { Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new UnitImporter(clock) { Within = o.Within }.ImportAsync(db, path, progress, ct, actor)))
        { Regional = true },
        new("cadres", new("干部", "Cadres"), CadreImporter.Layout,
            _ => ["C000001", "张伟", "U001", "一般干部", "否", "否", "否", "1985", "男", "13800000001"],
            (db, clock, path, o, ct) => new CadreImporter(clock) { CompleteFor = o.CompleteFor, Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new CadreImporter(clock) { CompleteFor = o.CompleteFor, Within = o.Within }.ImportAsync(db, path, progress, ct, actor)))
        { Completable = true, Regional = true },
        new("households", new("农户", "Households"), HouseholdImporter.Layout,
            e => [e.Village, "1号", "李明", "13800000002", "4", "是", "否", "否", "否", "否", "否"],
            (db, clock, path, o, ct) => new HouseholdImporter(clock) { CompleteFor = o.CompleteFor, Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new HouseholdImporter(clock) { CompleteFor = o.CompleteFor, Within = o.Within }.ImportAsync(db, path, progress, ct, actor)))
        { Completable = true, Regional = true },
        new("teams", Words.WorkTeams, Data.Liaisons.WorkTeamImporter.Layout,
            e => [Y(e), e.Township, "", "挂职乡镇党委副书记", "C000001", "张伟", "队长", Y(e) + "-03-01"],
            (db, clock, path, o, ct) => new Data.Liaisons.WorkTeamImporter(clock) { Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new Data.Liaisons.WorkTeamImporter(clock) { Within = o.Within }.ImportAsync(db, path, progress, ct, actor)))
        { Regional = true },
        new("deeds", Domain.Results.DeedWords.Deeds, Data.Results.DeedImporter.Layout,
            e => [Y(e) + "-03-15", "", "", e.Village, "硬化道路", "1200", "米", "", "", "C000001", "张伟", "", "县交通运输局项目资金", "村南生产路硬化", ""],
            (db, clock, path, o, ct) => new Data.Results.DeedImporter(clock) { Within = o.Within }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new Data.Results.DeedImporter(clock) { Within = o.Within }.ImportAsync(db, path, progress, ct, actor)))
        { Regional = true },
        new("party-outputs", new("党建成果", "Party-building outputs"), Data.Results.DeedImporter.Layout,
            e => [Y(e) + "-06-30", "", "", e.Village, "党员培训", "4", "场", "120", "人次", "", "", "U001", "", "七一专题党课和党员轮训", ""],
            (db, clock, path, o, ct) => new Data.Results.DeedImporter(clock) { Within = o.Within, PartyOnly = true }.PreviewAsync(db, path, ct),
            async (db, clock, path, o, actor, progress, ct) => Done(await new Data.Results.DeedImporter(clock) { Within = o.Within, PartyOnly = true }.ImportAsync(db, path, progress, ct, actor)))
        { Regional = true },
        new("candidates", new("第一书记人选", "First Secretary candidates"), CandidateImporter.Layout,
            e => [Y(e), e.County, "C000001", "", "90", "85", "88", "80"],
            (db, clock, path, _, ct) => new CandidateImporter(clock).PreviewAsync(db, path, ct),
            async (db, clock, path, _, actor, progress, ct) => Done(await new CandidateImporter(clock).ImportAsync(db, path, progress, ct, actor))),
    ];

    public static ImportKind? Find(string? key) => All.FirstOrDefault(k => k.Key == key);
}
