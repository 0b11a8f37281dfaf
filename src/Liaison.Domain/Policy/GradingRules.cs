using Liaison.Domain.Divisions;

namespace Liaison.Domain.Policy;

/// <summary>
/// 村党组织分类定级 (issue 21): the criteria a township checks for each village party organisation,
/// and how many met suggest each grade. The township proposes a grade per village (another grade
/// than the suggested one needs its reason); the county confirms the round.
/// </summary>
public sealed record GradingRules
{
    public IReadOnlyList<GradingCriterion> Criteria { get; init; } =
    [
        new() { Code = "leadership", Name = "班子团结、带头人作用突出", EnglishName = "A united committee with a strong leader" },
        new() { Code = "members", Name = "党员队伍结构合理、作用发挥好", EnglishName = "Party members of a sound make-up who play their part" },
        new() { Code = "organisation-life", Name = "“三会一课”等组织生活规范", EnglishName = "Regular organisation life (\"three meetings and one lesson\")" },
        new() { Code = "economy", Name = "村集体经济有稳定收入", EnglishName = "Steady collective income" },
        new() { Code = "services", Name = "服务群众好、群众满意", EnglishName = "Good services, villagers satisfied" },
        new() { Code = "stability", Name = "无重大违纪、信访和安全问题", EnglishName = "No serious discipline, petition or safety problems" },
    ];

    /// <summary>At least this many criteria met suggests 先进.</summary>
    public int AdvancedAtLeast { get; init; } = 5;

    /// <summary>At most this many met suggests 后进.</summary>
    public int BackwardAtMost { get; init; } = 2;

    public GradingCriterion? Find(string? code) => Criteria.FirstOrDefault(c => c.Code == code?.Trim());

    /// <summary>The grade the checklist suggests for so many criteria met.</summary>
    public PartyOrgGrade Suggest(int met) => met >= AdvancedAtLeast ? PartyOrgGrade.Advanced : met <= BackwardAtMost ? PartyOrgGrade.Backward : PartyOrgGrade.General;
}

/// <summary>A criterion of the grading checklist.</summary>
public sealed record GradingCriterion
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
}
