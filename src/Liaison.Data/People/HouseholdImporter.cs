using System.Globalization;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary><c>liaison import households</c>: households by village and house number.</summary>
public sealed class HouseholdImporter(TimeProvider clock) : TableImporter<Household>(clock)
{
    private Dictionary<string, DivisionLevel> _divisions = [];
    private Dictionary<string, (HouseholdStatus Status, DateOnly? Since)> _ended = new(StringComparer.Ordinal);
    private Dictionary<string, (DateOnly On, string? Into)> _withdrawn = [];

    private static readonly (string Key, HouseholdCategory Category)[] CategoryColumns =
        HouseholdCategories.All.Select(c => (c.ToString(), c)).ToArray();

    /// <summary>The file's columns in template order, also the export's (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("village", true, "村代码", "village_code", "村（社区）代码"),
        new("house_no", true, "门牌号", "house_no"),
        new("head_name", true, "户主姓名", "head_name"),
        new("head_phone", false, "户主电话", "head_phone", "联系电话"),
        new("members", true, "家庭人口", "member_count"),
        .. CategoryColumns.Select(c => new ImportColumn(c.Key, false, Terms.HouseholdCategoryTerms[c.Category].Zh, Terms.HouseholdCategoryTerms[c.Category].En.Replace(' ', '_'))),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Layout;

    protected override string Entity => "households";

    protected override string KeyColumn => "house_no";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct)
    {
        _divisions = await db.Divisions.AsNoTracking().Where(d => d.Level >= DivisionLevel.Township)
            .ToDictionaryAsync(d => d.Code, d => d.Level, ct);
        var ended = await db.Households.AsNoTracking().Where(h => h.Status != HouseholdStatus.Current)
            .Select(h => new { h.VillageCode, h.HouseNo, h.Status, h.StatusSince }).ToListAsync(ct);
        _ended = ended.ToDictionary(h => h.VillageCode + "/" + h.HouseNo, h => (h.Status, h.StatusSince), StringComparer.Ordinal);
        // A code a newer NBS list withdrew takes no households: they belong to the village it merged into.
        _withdrawn = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn != null)
            .ToDictionaryAsync(d => d.Code, d => (d.WithdrawnOn!.Value, d.MergedInto), ct);
    }

    protected override Household? Parse(RowReader row)
    {
        var village = row.Code("village", required: true);
        if (village.Length > 0)
        {
            if (!_divisions.TryGetValue(village, out var level))
            {
                row.Problem("village", ImportReason.UnknownVillage, village);
                village = "";
            }
            else if (level != DivisionLevel.Village)
            {
                row.Problem("village", ImportReason.NotAVillage, [Term.Same(village), Terms.Levels[level]]);
                village = "";
            }
            else if (_withdrawn.TryGetValue(village, out var gone))
            {
                row.Problem("village", ImportReason.WithdrawnCode, [Term.Same(village), Term.Same(gone.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    gone.Into is { } into ? new Term($"已并入 {into}", $"merged into {into}") : new Term("请改用现行代码", "use the code in force")]);
                village = "";
            }
        }
        var houseNo = row.Code("house_no", required: true);
        var head = row.Name("head_name", 50, required: true);
        var members = row.Number("members", 1, 99, required: true);
        var categories = HouseholdCategory.None;
        foreach (var (key, category) in CategoryColumns)
        {
            if (row.YesNo(key))
            {
                categories |= category;
            }
        }
        var phone = row.Phone("head_phone");
        if (village.Length == 0 || houseNo.Length == 0 || head.Length == 0 || members == 0)
        {
            return null;
        }
        // A household that left keeps its row (visits and cases point at it) and its house number, as
        // the form says (RegistryStore.AddHouseholdAsync): a row at that number would rewrite the old record.
        if (_ended.Count > 0 && _ended.TryGetValue(village + "/" + houseNo, out var ended))
        {
            row.Problem("house_no", ImportReason.HouseNoEnded,
                [Term.Same(houseNo), RegistryWords.HouseholdStatuses[ended.Status], Term.Same(ended.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?")]);
            return null;
        }
        return new Household { VillageCode = village, HouseNo = houseNo, HeadName = head, HeadPhone = phone, MemberCount = members, Categories = categories };
    }

    protected override string Key(Household item) => item.VillageCode + "/" + item.HouseNo;

    protected override string? DivisionOf(Household item) => item.VillageCode;

    protected override string PlaceColumn => "village";

    protected override string ColumnOf(string property) => property switch
    {
        nameof(Household.MemberCount) => "members",
        _ => base.ColumnOf(property),
    };

    /// <summary>The six category columns change one stored field, shown as 类别.</summary>
    protected override Term ColumnName(string property) => property == nameof(Household.Categories) ? Words.Category : base.ColumnName(property);

    protected override Term Show(string property, object? value) => value switch
    {
        HouseholdCategory c => new Term(string.Join("、", Terms.FlagLabels(Terms.HouseholdCategoryTerms, c, false)), string.Join(", ", Terms.FlagLabels(Terms.HouseholdCategoryTerms, c, true))),
        string s when property == nameof(Household.HeadPhone) => Term.Same(PersonalData.MaskPhone(s)),
        string s when property == nameof(Household.HeadName) => Term.Same(PersonalData.MaskName(s)),
        _ => base.Show(property, value),
    };

    protected override TableSpec<Household> Spec(LiaisonDb db) => HouseholdSpec(db, versioned: true);

    protected override RegistryVersioning<Household> Versions => new(RegistryKind.Household, h => h.Id, h => h.Version, (h, v) => h.Version = v,
        h => h.VillageCode, p => p switch
        {
            nameof(Household.MemberCount) => "members",
            _ => char.ToLowerInvariant(p[0]) + p[1..],
        });

    /// <summary>A village, or a township (its villages): the file is the whole roster of its current households; those it does not list move out.</summary>
    protected override async Task<CompleteRoster<Household>?> RosterAsync(LiaisonDb db, string scope, ImportProblems problems, CancellationToken ct)
    {
        var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == scope, ct);
        if (division is null || division.Level is not (DivisionLevel.Village or DivisionLevel.Township))
        {
            problems.Add(null, "--complete-for", ImportReason.UnknownScope,
                [Term.Same(scope), new Term("村（社区）或乡镇（街道）的行政区划代码", "the division code of a village or township")]);
            return null;
        }
        var today = ChinaTime.Today(Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var current = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Current && h.VillageCode.StartsWith(scope)).ToListAsync(ct);
        return new CompleteRoster<Household>(new Term($"{division.Name}（{division.Code}）", $"{division.Name} ({division.Code})"), "village",
            h => DivisionCode.IsInSubtree(h.VillageCode, scope),
            current.Select(h => new RosterMember(h.Id, Key(h),
                new Term($"户主 {PersonalData.MaskName(h.HeadName)} 不在完整名册中：登记为迁出（{today}）",
                    $"head {PersonalData.MaskName(h.HeadName)} is not in the complete roster: recorded as moved out on {today}"))).ToList());
    }

    protected override Task EndAsync(LiaisonDb db, Actor actor, RosterMember member, DateOnly on, string reason, CancellationToken ct) =>
        RegistryStore.EndHouseholdForImportAsync(db, Clock, actor, member.Id, on, reason, ct);

    /// <summary>The columns a roster writes; <paramref name="versioned"/>: with the version the import gives each row (the demo's rows keep theirs).</summary>
    public static TableSpec<Household> HouseholdSpec(LiaisonDb db, bool versioned = false) => TableSpec.For<Household>(db, [nameof(Household.VillageCode), nameof(Household.HouseNo)],
        [nameof(Household.VillageCode), nameof(Household.HouseNo), nameof(Household.HeadName), nameof(Household.HeadPhone),
        nameof(Household.MemberCount), nameof(Household.Categories), .. versioned ? [nameof(Household.Version)] : Array.Empty<string>()]);
}
