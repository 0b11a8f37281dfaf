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
        return new Household { VillageCode = village, HouseNo = houseNo, HeadName = head, HeadPhone = phone, MemberCount = members, Categories = categories };
    }

    protected override string Key(Household item) => item.VillageCode + "/" + item.HouseNo;

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

    protected override TableSpec<Household> Spec(LiaisonDb db) => HouseholdSpec(db);

    public static TableSpec<Household> HouseholdSpec(LiaisonDb db) => TableSpec.For<Household>(db, [nameof(Household.VillageCode), nameof(Household.HouseNo)],
        nameof(Household.VillageCode), nameof(Household.HouseNo), nameof(Household.HeadName), nameof(Household.HeadPhone),
        nameof(Household.MemberCount), nameof(Household.Categories));
}
