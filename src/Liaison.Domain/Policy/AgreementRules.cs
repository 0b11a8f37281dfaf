namespace Liaison.Domain.Policy;

/// <summary>
/// 年度目标责任书 (issue 21): the areas a First Secretary's yearly target-responsibility agreement
/// with the township committee draws its targets from — party building, development, livelihood,
/// stability, services — each with the targets the city suggests; and whether the units' pairings
/// sign one too.
/// </summary>
public sealed record AgreementRules
{
    public IReadOnlyList<AgreementArea> Areas { get; init; } =
    [
        new() { Code = "party-building", Name = "抓党建", EnglishName = "Party building", Suggestions = ["村党组织晋位升级", "发展党员", "培养村级后备干部", "规范“三会一课”"] },
        new() { Code = "development", Name = "促发展", EnglishName = "Development", Suggestions = ["村集体经济收入增加", "引进产业项目", "协调帮扶资金"] },
        new() { Code = "livelihood", Name = "惠民生", EnglishName = "Livelihood", Suggestions = ["硬化村内道路", "解决饮水、用电问题", "帮助群众转移就业"] },
        new() { Code = "stability", Name = "保稳定", EnglishName = "Stability", Suggestions = ["矛盾纠纷排查化解", "信访积案化解"] },
        new() { Code = "services", Name = "强服务", EnglishName = "Services", Suggestions = ["走访全村农户", "为民代办事项", "公开承诺兑现"] },
    ];

    /// <summary>Whether a unit's pairing (机关党组织联建) signs a yearly agreement as a First Secretary does.</summary>
    public bool ForPairings { get; init; }

    public AgreementArea? Find(string? code) => Areas.FirstOrDefault(a => a.Code == code?.Trim());
}

/// <summary>An area of an agreement's targets, with the targets the city suggests for it.</summary>
public sealed record AgreementArea
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
