using Liaison.Domain.People;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Secretaries;

/// <summary>
/// A First Secretary's visiting duties (DOMAIN.md section 2.6, 访三老、走三户): every household of the
/// village within the year, and among them every "three olds" household and every household of
/// the three kinds.
/// </summary>
public enum SecretaryDuty
{
    /// <summary>走访全村农户（100%）</summary>
    AllHouseholds = 1,
    /// <summary>访三老: old party members, old cadres, old model workers.</summary>
    ThreeOlds = 2,
    /// <summary>走三户: poor, wealthy and petitioner households.</summary>
    ThreeKinds = 3,
}

/// <summary>A current household of the village, as the duties read it.</summary>
public readonly record struct DutyHousehold(long Id, HouseholdCategory Categories);

/// <summary>How far one duty stands: how many households it asks for, and those of them the First Secretary has not visited (by id, in order).</summary>
public sealed record DutyCoverage(SecretaryDuty Duty, int Total, IReadOnlyList<long> Left)
{
    public int Unvisited => Left.Count;

    public int Visited => Total - Left.Count;

    /// <summary>Every household the duty asks for was visited — also when the village has none of them (nothing is left to do).</summary>
    public bool Met => Visited == Total;
}

/// <summary>
/// The households of one category not yet visited; <see cref="HouseholdCategory.None"/> for those of
/// no category. A household of two categories is in both groups.
/// </summary>
public sealed record UnvisitedGroup(HouseholdCategory Category, IReadOnlyList<long> Households);

/// <summary>A First Secretary's standing against the duties, with the households still to visit.</summary>
public sealed record DutyStanding(IReadOnlyList<DutyCoverage> Duties, IReadOnlyList<UnvisitedGroup> Unvisited)
{
    public DutyCoverage this[SecretaryDuty duty] => Duties.First(d => d.Duty == duty);

    /// <summary>
    /// 办一两件实事: the practical deeds the First Secretary recorded for the village in the year (the
    /// party-building outputs apart); set by the reads that know the deeds, 0 where none were.
    /// </summary>
    public int PracticalThings { get; init; }

    public bool PracticalThingsMet => PracticalThings >= SecretaryDuties.PracticalThingsAtLeast;
}

/// <summary>
/// The First Secretary's coverage of the village against the visiting duties: given the village's
/// current households and those the First Secretary visited in the year, each duty's total,
/// visited and met, and the unvisited households by category. The field family's indicators
/// (<c>FieldFormulas.Duties</c>) count the same rule in the database: a duty is met when no
/// household it asks for is left unvisited.
/// </summary>
public static class SecretaryDuties
{
    public static IReadOnlyList<SecretaryDuty> All { get; } = [SecretaryDuty.AllHouseholds, SecretaryDuty.ThreeOlds, SecretaryDuty.ThreeKinds];

    /// <summary>办一两件实事: "one or two" practical things a year; one is met.</summary>
    public const int PracticalThingsAtLeast = 1;

    /// <summary>The practical-things duty in words.</summary>
    public static Term PracticalThingsWord { get; } = new("办一两件实事", "One or two practical things done");

    /// <summary>Whether a household of these categories is one <paramref name="duty"/> asks the First Secretary to visit.</summary>
    public static bool Asks(SecretaryDuty duty, HouseholdCategory categories) => duty switch
    {
        SecretaryDuty.ThreeOlds => (categories & HouseholdCategories.ThreeOlds) != 0,
        SecretaryDuty.ThreeKinds => (categories & HouseholdCategories.ThreeHouseholds) != 0,
        _ => true,
    };

    public static DutyStanding Stand(IEnumerable<DutyHousehold> households, IReadOnlySet<long> visited)
    {
        var list = households.DistinctBy(h => h.Id).ToList();
        var left = list.Where(h => !visited.Contains(h.Id)).OrderBy(h => h.Id).ToList();
        var duties = All.Select(duty => new DutyCoverage(duty, list.Count(h => Asks(duty, h.Categories)),
            left.Where(h => Asks(duty, h.Categories)).Select(h => h.Id).ToList())).ToList();
        var groups = HouseholdCategories.All
            .Select(c => new UnvisitedGroup(c, left.Where(h => h.Categories.HasFlag(c)).Select(h => h.Id).ToList()))
            .Append(new UnvisitedGroup(HouseholdCategory.None, left.Where(h => (h.Categories & AnyCategory) == 0).Select(h => h.Id).ToList()))
            .Where(g => g.Households.Count > 0)
            .ToList();
        return new DutyStanding(duties, groups);
    }

    /// <summary>The duty in words.</summary>
    public static Term Word(SecretaryDuty duty) => duty switch
    {
        SecretaryDuty.ThreeOlds => new("访“三老”", "Three olds visited"),
        SecretaryDuty.ThreeKinds => new("走“三户”", "Three kinds visited"),
        _ => new("走访全村农户", "Every household visited"),
    };

    /// <summary>A group of unvisited households in words: its category, or "other households" for those of none.</summary>
    public static Term GroupWord(HouseholdCategory category) =>
        category == HouseholdCategory.None ? new("其他农户", "other households") : Terms.HouseholdCategoryTerms[category];

    /// <summary>A duty as it travels as text (the phone's data): its name in camel case, <c>threeOlds</c>.</summary>
    public static string Key(SecretaryDuty duty) => Camel(duty.ToString());

    /// <summary>A group of unvisited households as it travels as text (the phone's data, a page's URL): <c>poor</c>, <c>none</c> for no category.</summary>
    public static string Key(HouseholdCategory category) => Camel(category.ToString());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private const HouseholdCategory AnyCategory = HouseholdCategories.ThreeOlds | HouseholdCategories.ThreeHouseholds;
}
