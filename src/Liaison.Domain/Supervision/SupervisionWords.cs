using Liaison.Domain.Shared;

namespace Liaison.Domain.Supervision;

/// <summary>The supervision pages' shared words.</summary>
public static class SupervisionWords
{
    public static Term Supervision { get; } = new("督查", "Supervision");
    public static Term Rounds { get; } = new("暗访检查", "Unannounced inspections");
    public static Term Round { get; } = new("检查批次", "Inspection round");
    public static Term KeptOffline { get; } = new("已存到本机：没有网络时也能打开本批次各村的检查页。", "Kept on this phone: the round's inspection pages open without a network.");
    public static Term PlanRound { get; } = new("安排暗访", "Plan a round");
    public static Term PlannedFor { get; } = new("检查日期", "Day planned");
    public static Term Inspected { get; } = new("已检查", "Inspected");
    public static Term NotYet { get; } = new("待检查", "Not yet");
    public static Term Present { get; } = new("在岗", "Present");
    public static Term Calls { get; } = new("电话核实", "Telephone verification");
    public static Term DrawSample { get; } = new("抽取核实样本", "Draw a call sample");
    public static Term Sample { get; } = new("核实样本", "Call sample");
    public static Term Confirmation { get; } = new("核实率", "Confirmation rate");
    public static Term Interval { get; } = new("置信区间", "Confidence interval");
    public static Term Reached { get; } = new("接通", "Reached");
    public static Term Unreached { get; } = new("未接通", "Not reached");
    public static Term Confirmed { get; } = new("证实走访", "Confirmed");
    public static Term Unconfirmed { get; } = new("未证实", "Unconfirmed");
    public static Term Flagged { get; } = new("列入暗访对象", "Flagged for inspection");
    public static Term Findings { get; } = new("督查问题", "Findings");
    public static Term Finding { get; } = new("问题", "Finding");
    public static Term FindingKind { get; } = new("问题类别", "Kind of finding");
    public static Term Severity { get; } = new("严重程度", "Severity");
    public static Term Evidence { get; } = new("证据", "Evidence");
    public static Term Notices { get; } = new("通报", "Notices");
    public static Term Orders { get; } = new("限期整改", "Rectification orders");
    public static Term Due { get; } = new("整改期限", "Due");
    public static Term Overdue { get; } = new("已超期", "Overdue");
    public static Term OnTime { get; } = new("按期销号", "Closed on time");
    public static Term Method { get; } = new("抽取方式", "Drawn");
    public static Term Seed { get; } = new("随机种子", "Seed");
    public static Term VillagesInspected { get; } = new("检查村数", "Villages inspected");
    public static Term Criticism { get; } = new("通报批评", "Criticism");
    public static Term Commendation { get; } = new("通报表扬", "Commendation");
    public static Term Draft { get; } = new("草稿", "Draft");
    public static Term Issued { get; } = new("已印发", "Issued");
    public static Term Withdrawn { get; } = new("已撤回", "Withdrawn");
    public static Term Open { get; } = new("整改中", "Open");
    public static Term Reported { get; } = new("已报告", "Reported");
    public static Term Accepted { get; } = new("已销号", "Accepted");
    public static Term Responsible { get; } = new("整改责任方", "Responsible");
    public static Term Title { get; } = new("标题", "Title");
    public static Term Reviews { get; } = new("查阅资料", "Document reviews");
    public static Term DraftNotice { get; } = new("起草通报", "Draft a notice");
    public static Term Required { get; } = new("整改要求", "What is required");
    public static Term Naming { get; } = new("点名：", "Naming: ");
    public static Term NamedCadres { get; } = new("点名干部（工号）", "Cadres named (staff numbers)");
    public static Term NamedUnits { get; } = new("点名单位（编码）", "Units named (codes)");
    public static Term NamedVillages { get; } = new("点名村（代码）", "Villages named (codes)");
    public static Term OrderRectification { get; } = new("下达限期整改", "Order a rectification");
    public static Term What { get; } = new("整改事项", "What is to be done");
    public static Term SendBack { get; } = new("退回", "Send back");
    public static Term NotLooked { get; } = new("未查看", "not looked at");
    public static Term Notes { get; } = new("情况", "Notes");
    public static Term CadreConcerned { get; } = new("涉及干部（工号）", "Cadre concerned (staff number)");
    public static Term Drawn { get; } = new("抽取", "Drawn");

    public static Term Version(int version) => new($"第 {version} 版", $"version {version}");

    public static Term Draw(DrawMethod m) => m switch
    {
        DrawMethod.Random => new("随机抽取", "at random"),
        DrawMethod.ByTownship => new("分乡镇抽取", "by township"),
        DrawMethod.ByRisk => new("按风险抽取（异常提示、核实未证实优先）", "by risk (flags and calls first)"),
        _ => new("指定村", "named villages"),
    };

    public static Term Status(NoticeStatus s) => s switch { NoticeStatus.Draft => Draft, NoticeStatus.Issued => Issued, _ => Withdrawn };

    public static Term Kind(NoticeKind k) => k == NoticeKind.Criticism ? Criticism : Commendation;

    public static Term Status(OrderStatus s) => s switch { OrderStatus.Open => Open, OrderStatus.Reported => Reported, _ => Accepted };

    public static Term Step(OrderStepKind k) => k switch
    {
        OrderStepKind.Report => new("整改报告", "Report"),
        OrderStepKind.Accept => new("验收销号", "Accepted"),
        OrderStepKind.SendBack => new("退回", "Sent back"),
        _ => new("超期督办", "Escalated"),
    };

    /// <summary>A finding kind's name from the policy's catalogue, its code when the catalogue no longer has it.</summary>
    public static Term KindName(Policy.SupervisionRules rules, string code) =>
        rules.Find(code) is { } k ? new(k.Name, k.EnglishName.Length > 0 ? k.EnglishName : k.Name) : Term.Same(code);
    public static Term CallList { get; } = new("核实名单", "Call list");
}
