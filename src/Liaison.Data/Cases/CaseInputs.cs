using Liaison.Domain.Cases;
using Liaison.Domain.Shared;

namespace Liaison.Data.Cases;

/// <summary>A new case as entered: by a handler, from a visit's issue, a suggestion box, or the public form.</summary>
public sealed record CaseInput(CaseKind Kind, string? Category, CaseChannel Channel, string? VillageCode, string? Description,
    long? HouseholdId = null, string? PersonName = null, string? PersonPhone = null, int? CadreId = null, long? VisitIssueId = null, long? NightSessionId = null)
{
    public const int MaxDescription = 2_000;
    public const int MaxNote = CaseSteps.MaxNote;
}

/// <summary>Who acts on cases: an account with the cases ability, within its scope (a unit's admin: the cases assigned to the unit).</summary>
public sealed record CaseActor(string UserName, Func<string, bool> Covers, int? UnitId = null)
{
    /// <summary>A villager on the public tracking page (follow-up only).</summary>
    public static CaseActor Public { get; } = new("public", _ => false);

    /// <summary>The clock (automatic escalation) and commands run on the server.</summary>
    public static CaseActor System { get; } = new("system", _ => true);
}

/// <summary>The result of a case command: the case, or the problems that stopped it.</summary>
public sealed record CaseResult(Case? Case, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Problems.Count == 0;

    public static CaseResult Refused(string field, string zh, string en) => new(null, [new Problem(field, zh, en)]);
}
