using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;

namespace Liaison.Data.Reporting.Formulas;

// The small projections some families count: what a join yields, named so a line can read it.

/// <summary>A row counted at a village in a month, with nothing else to read.</summary>
public sealed class MonthRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
}

/// <summary>A cadre at the division of their unit.</summary>
public sealed class CadreRow
{
    public string DivisionCode { get; set; } = "";
    public bool IsPolice { get; set; }
    public bool IsReserve { get; set; }
    /// <summary>Whether the policy expects the cadre to take part (<see cref="Domain.Liaisons.Participation.Expected"/>).</summary>
    public bool Expected { get; set; }
}

/// <summary>A tie of the plan at its village, with the rank of its cadre (none for a pairing).</summary>
public sealed class TieRow
{
    public string DivisionCode { get; set; } = "";
    public TieKind Kind { get; set; }
    public CadreRank? Rank { get; set; }
    public bool HasCadre { get; set; }
}

/// <summary>A household visited, at the village and in the month of its first visit, with its categories.</summary>
public sealed class VisitedRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
    public HouseholdCategory Categories { get; set; }
}

/// <summary>A First Secretary in post, at the village, with the level that sent them.</summary>
public sealed class PostingRow
{
    public string VillageCode { get; set; } = "";
    public DispatchLevel Level { get; set; }
}

/// <summary>A unit's support to the village of its First Secretary.</summary>
public sealed class SupportRow
{
    public string VillageCode { get; set; } = "";
    public SupportKind Kind { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>
/// A First Secretary in post at their village, with whether they themselves visited, in the year,
/// every current household each visiting duty asks for (<see cref="SecretaryDuties"/>).
/// </summary>
public sealed class DutyRow
{
    public string VillageCode { get; set; } = "";
    public bool AllVisited { get; set; }
    public bool ThreeOldsVisited { get; set; }
    public bool ThreeKindsVisited { get; set; }
}
