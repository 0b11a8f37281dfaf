using Liaison.Domain.Shared;

namespace Liaison.Domain.Policy;

/// <summary>What a practical deed's quantity is counted in.</summary>
public enum QuantityUnit
{
    /// <summary>公里: roads hardened, power lines, ditches.</summary>
    Kilometre = 1,
    /// <summary>个 (座、眼、处、项、棵): wells, bridges and culverts, projects, trees, problems solved.</summary>
    Count = 2,
    /// <summary>元: funds coordinated, collective income added, aid paid.</summary>
    Yuan = 3,
    /// <summary>人 (人次): people placed in work, health checks, students aided, people served.</summary>
    Person = 4,
    /// <summary>个村: villages given water and power.</summary>
    Village = 5,
}

/// <summary>
/// 实事好事 (issue 21): the kinds of practical deeds the city counts, each with its typed quantities,
/// as the source reports them (funds coordinated, roads hardened, wells dug …) and the local service
/// innovations (便民服务队, village legal advisers …), which a city may add to or rename. A deed names
/// one kind and gives its quantities in the kind's units; <see cref="Check"/> is the one place they are judged.
/// </summary>
public sealed record DeedRules
{
    public IReadOnlyList<DeedKind> Kinds { get; init; } =
    [
        Kind("funds", "协调帮扶资金", "funds coordinated", Money("amount", "金额", "amount")),
        Kind("road", "硬化道路", "roads hardened", Length("length", "长度", "length")),
        Kind("power-line", "架设电力线路", "power lines laid", Length("length", "长度", "length")),
        Kind("well", "打井", "wells dug", Whole("wells", "眼数", "wells", QuantityUnit.Count, 1_000)),
        Kind("ditch", "修建沟渠", "ditches built", Length("length", "长度", "length")),
        Kind("bridge", "修建桥涵", "bridges and culverts built", Whole("bridges", "座数", "bridges and culverts", QuantityUnit.Count, 1_000)),
        Kind("employment", "转移就业", "people placed in work", Whole("people", "人数", "people", QuantityUnit.Person, 100_000)),
        Kind("health-check", "免费健康查体", "free health checks", Whole("people", "人数", "people", QuantityUnit.Person, 100_000)),
        Kind("trees", "植树造林", "trees planted", Whole("trees", "棵数", "trees", QuantityUnit.Count, 10_000_000)),
        Kind("water-power", "通水通电", "water and power brought", Whole("villages", "村数", "villages", QuantityUnit.Village, 100)),
        Kind("five-ten", "解决“五通十有”问题", "\"five connections, ten haves\" problems solved", Whole("problems", "问题数", "problems", QuantityUnit.Count, 1_000)),
        Kind("sideline-project", "引进副业项目", "side businesses brought in", Whole("projects", "项目数", "projects", QuantityUnit.Count, 1_000)),
        Kind("farming-project", "引进种植养殖项目", "planting and breeding projects brought in", Whole("projects", "项目数", "projects", QuantityUnit.Count, 1_000)),
        Kind("collective-income", "新增村集体收入", "collective income added", Money("amount", "金额", "amount")),
        Kind("student-aid", "助学", "students aided", Whole("students", "人数", "students", QuantityUnit.Person, 100_000), Money("amount", "金额", "amount")),
        // Local service innovations the source names: counted by how often, and how many people were served.
        Service("service-team", "便民服务队服务", "service team at work"),
        Service("legal-adviser", "村法律顾问服务", "village legal adviser's service"),
        Service("saturday", "周六到基层", "\"Saturday at the grassroots\""),
        Service("party-lesson", "微党课", "micro party lesson"),
        Service("green-channel", "绿色通道", "green channel"),
        // Party-building outputs (党建成果) per village: recorded like deeds, reported with the party organisations.
        Party("committee-adjusted", "调整村“两委”成员", "two-committee members adjusted", Whole("people", "人数", "people", QuantityUnit.Person, 100)),
        Party("new-members", "发展党员", "new party members", Whole("people", "人数", "people", QuantityUnit.Person, 100)),
        Party("reserve-cadres", "培养村级后备干部", "reserve cadres trained", Whole("people", "人数", "people", QuantityUnit.Person, 100)),
        Party("training", "党员培训", "party training", Whole("sessions", "场次", "sessions", QuantityUnit.Count, 1_000), Whole("people", "参训人次", "attendances", QuantityUnit.Person, 100_000)),
        Party("rules", "建立完善制度", "rules established", Whole("rules", "项数", "rules", QuantityUnit.Count, 100)),
        Party("venue", "改造提升活动阵地", "venues renovated", Whole("venues", "处数", "venues", QuantityUnit.Count, 20)),
        Party("model-site", "打造党建示范点", "model sites named", Whole("sites", "个数", "sites", QuantityUnit.Count, 10)),
    ];

    public DeedKind? Find(string? code) => Kinds.FirstOrDefault(k => k.Code == code?.Trim());

    /// <summary>
    /// The problems of a deed's kind and quantities, by field (<c>kind</c>, <c>quantities.CODE</c>): an
    /// unknown kind or quantity, a quantity missing, negative, fractional where only whole ones count,
    /// beyond the kind's bound, or given in another unit than the kind's (the expected unit named).
    /// A quantity's unit may be left out; when given, it is read as people write it (公里、km、元、人 …).
    /// </summary>
    public IReadOnlyList<Problem> Check(string? kindCode, IReadOnlyList<DeedAmount> amounts)
    {
        var kind = Find(kindCode);
        if (kind is null)
        {
            return [new Problem("kind", $"没有“{kindCode}”这种实事类别，可选：{string.Join("、", Kinds.Select(k => k.Code))}",
                $"no deed kind \"{kindCode}\"; the kinds are: {string.Join(", ", Kinds.Select(k => k.Code))}") { Code = "unknown-kind" }];
        }
        var problems = new List<Problem>();
        foreach (var amount in amounts)
        {
            var field = "quantities." + amount.Code;
            var quantity = kind.Quantities.FirstOrDefault(q => q.Code == amount.Code);
            if (quantity is null)
            {
                problems.Add(new Problem(field, $"“{kind.Name}”没有“{amount.Code}”这项数量，可填：{string.Join("、", kind.Quantities.Select(q => q.Code))}",
                    $"\"{kind.EnglishName}\" has no quantity \"{amount.Code}\"; it has: {string.Join(", ", kind.Quantities.Select(q => q.Code))}")
                { Code = "unknown-quantity" });
            }
            else if (amount.Unit is { Length: > 0 } unit && DeedUnits.Parse(unit) != quantity.Unit)
            {
                var expected = DeedUnits.Word(quantity.Unit);
                problems.Add(new Problem(field, $"单位应为“{expected.Zh}”，不是“{unit}”", $"the unit is {expected.En}, not \"{unit}\"") { Code = "unit" });
            }
            else if (amount.Value < 0 || amount.Value > quantity.Max)
            {
                var (expected, max) = (DeedUnits.Word(quantity.Unit), quantity.Max.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
                problems.Add(new Problem(field, $"{quantity.Name}须在 0 到 {max} {expected.Zh}之间", $"the {quantity.EnglishName} lies between 0 and {max} {expected.En}") { Code = "range" });
            }
            else if (quantity.Whole && amount.Value != decimal.Truncate(amount.Value))
            {
                problems.Add(new Problem(field, $"{quantity.Name}须为整数", $"the {quantity.EnglishName} is a whole number") { Code = "whole" });
            }
        }
        problems.AddRange(kind.Quantities.Where(q => amounts.All(a => a.Code != q.Code)).Select(q =>
            new Problem("quantities." + q.Code, $"请填写{q.Name}（{DeedUnits.Word(q.Unit).Zh}）", $"give the {q.EnglishName} ({DeedUnits.Word(q.Unit).En})") { Code = "required" }));
        problems.AddRange(amounts.GroupBy(a => a.Code).Where(g => g.Count() > 1).Select(g =>
            new Problem("quantities." + g.Key, "同一数量填写了两次", "the same quantity is given twice") { Code = "twice" }));
        return problems;
    }

    private static DeedKind Kind(string code, string name, string english, params DeedQuantity[] quantities) =>
        new() { Code = code, Name = name, EnglishName = english, Quantities = quantities };

    private static DeedKind Party(string code, string name, string english, params DeedQuantity[] quantities) =>
        new() { Code = code, Name = name, EnglishName = english, Party = true, Quantities = quantities };

    private static DeedKind Service(string code, string name, string english) =>
        new()
        {
            Code = code,
            Name = name,
            EnglishName = english,
            Service = true,
            Quantities = [Whole("times", "次数", "times", QuantityUnit.Count, 10_000), Whole("people", "服务人次", "people served", QuantityUnit.Person, 1_000_000)],
        };

    private static DeedQuantity Money(string code, string name, string english) =>
        new() { Code = code, Name = name, EnglishName = english, Unit = QuantityUnit.Yuan, Max = 1_000_000_000m };

    private static DeedQuantity Length(string code, string name, string english) =>
        new() { Code = code, Name = name, EnglishName = english, Unit = QuantityUnit.Kilometre, Max = 1_000m };

    private static DeedQuantity Whole(string code, string name, string english, QuantityUnit unit, decimal max) =>
        new() { Code = code, Name = name, EnglishName = english, Unit = unit, Max = max, Whole = true };
}

/// <summary>A kind of practical deed: its code, names and the quantities a deed of it gives.</summary>
public sealed record DeedKind
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public IReadOnlyList<DeedQuantity> Quantities { get; init; } = [];
    /// <summary>A local service innovation (便民服务), reported apart from the works.</summary>
    public bool Service { get; init; }
    /// <summary>A party-building output (党建成果): recorded as a deed, reported with the party organisations, not among the deeds.</summary>
    public bool Party { get; init; }
}

/// <summary>One quantity of a deed kind: its code, names, unit and upper bound (whole numbers only, where things are counted).</summary>
public sealed record DeedQuantity
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public QuantityUnit Unit { get; init; } = QuantityUnit.Count;
    public decimal Max { get; init; } = 1_000;
    public bool Whole { get; init; }
}

/// <summary>A quantity as a deed gives it: which, how much, and (optionally) the unit it was written in.</summary>
public sealed record DeedAmount(string Code, decimal Value, string? Unit = null);

/// <summary>The units' words, and the ways people write them.</summary>
public static class DeedUnits
{
    private static readonly Dictionary<QuantityUnit, Term> Words = new()
    {
        [QuantityUnit.Kilometre] = new("公里", "km"),
        [QuantityUnit.Count] = new("个", "count"),
        [QuantityUnit.Yuan] = new("元", "yuan"),
        [QuantityUnit.Person] = new("人", "people"),
        [QuantityUnit.Village] = new("个村", "villages"),
    };

    private static readonly Dictionary<string, QuantityUnit> Written = new(StringComparer.OrdinalIgnoreCase)
    {
        ["公里"] = QuantityUnit.Kilometre,
        ["千米"] = QuantityUnit.Kilometre,
        ["km"] = QuantityUnit.Kilometre,
        ["kilometre"] = QuantityUnit.Kilometre,
        ["kilometer"] = QuantityUnit.Kilometre,
        ["个"] = QuantityUnit.Count,
        ["座"] = QuantityUnit.Count,
        ["眼"] = QuantityUnit.Count,
        ["口"] = QuantityUnit.Count,
        ["处"] = QuantityUnit.Count,
        ["项"] = QuantityUnit.Count,
        ["棵"] = QuantityUnit.Count,
        ["株"] = QuantityUnit.Count,
        ["次"] = QuantityUnit.Count,
        ["件"] = QuantityUnit.Count,
        ["场"] = QuantityUnit.Count,
        ["场次"] = QuantityUnit.Count,
        ["期"] = QuantityUnit.Count,
        ["count"] = QuantityUnit.Count,
        ["元"] = QuantityUnit.Yuan,
        ["yuan"] = QuantityUnit.Yuan,
        ["cny"] = QuantityUnit.Yuan,
        ["rmb"] = QuantityUnit.Yuan,
        ["人"] = QuantityUnit.Person,
        ["人次"] = QuantityUnit.Person,
        ["名"] = QuantityUnit.Person,
        ["people"] = QuantityUnit.Person,
        ["person"] = QuantityUnit.Person,
        ["村"] = QuantityUnit.Village,
        ["个村"] = QuantityUnit.Village,
        ["villages"] = QuantityUnit.Village,
        ["village"] = QuantityUnit.Village,
    };

    public static Term Word(QuantityUnit unit) => Words[unit];

    /// <summary>The unit a text names; null for none known (米 or 万元 are other units, not these).</summary>
    public static QuantityUnit? Parse(string text) => Written.TryGetValue(text.Trim(), out var unit) ? unit : null;

    /// <summary>Units offices also write in their tables, as a multiple of one of ours: 米 (metres) and 万元 (ten thousand yuan).</summary>
    private static readonly Dictionary<string, (QuantityUnit Unit, decimal Factor)> Scaled = new(StringComparer.OrdinalIgnoreCase)
    {
        ["米"] = (QuantityUnit.Kilometre, 0.001m),
        ["m"] = (QuantityUnit.Kilometre, 0.001m),
        ["延米"] = (QuantityUnit.Kilometre, 0.001m),
        ["万元"] = (QuantityUnit.Yuan, 10_000m),
        ["千元"] = (QuantityUnit.Yuan, 1_000m),
    };

    /// <summary>The unit a table's text names and what a number in it is worth in that unit (1 for our own units); null for none known.</summary>
    public static (QuantityUnit Unit, decimal Factor)? ParseScaled(string text) =>
        Parse(text) is { } unit ? (unit, 1m) : Scaled.TryGetValue(text.Trim(), out var scaled) ? scaled : null;
}
