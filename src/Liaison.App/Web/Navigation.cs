using Liaison.Domain.Access;
using Liaison.Domain.Shared;

namespace Liaison.App.Web;

/// <summary>
/// The side navigation of the signed-in pages, grouped by task as offices expect (docs UI.md: 工作台 ·
/// 联系计划 · 第一书记 · 走访驻村 · 群众诉求 · 督查考核 · 工作报表 · 系统管理). An entry shows only to a
/// role that may use it, so nobody meets a link that ends on "access denied".
/// </summary>
public static class Navigation
{
    public sealed record Entry(Term Label, string Href, Ability? Needs = null, bool CadreOnly = false);

    public sealed record Group(Term Title, IReadOnlyList<Entry> Entries);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new(new("工作台", "Workbench"), [new(Words.Home, "/"), new(Words.Divisions, "/divisions"), new(Words.Search, "/search")]),
        new(new("联系计划", "Liaison plan"), [new(new("联系计划", "Plan"), "/plan"), new(new("计划检查", "Plan check"), "/plan/check", Ability.EditPlan), new(Words.EveryoneTakesPart, "/plan/participation"), new(Words.WorkTeams, "/teams"), new(Words.HelpPlans, "/help")]),
        new(Words.FirstSecretaries, [new(Words.FirstSecretaries, "/secretaries")]),
        new(new("走访驻村", "Visits and stays"), [
            new(new("我的走访", "My visits"), "/field", CadreOnly: true),
            new(Words.FieldWork, "/field/progress"),
            new(new("驻村天数", "Residence"), "/field/residence", Ability.Supervise),
        ]),
        new(Words.Cases, [
            new(Words.Cases, "/cases"),
            new(Words.DisputesAndErrands, "/disputes"),
            new(new("诉求统计", "Case figures"), "/cases/figures"),
            new(Liaison.Domain.Field.NightWords.Sessions, "/nights"),
        ]),
        new(new("承诺践诺", "Promises and results"), [new(Liaison.Domain.Results.AgreementWords.Agreements, "/agreements"), new(Liaison.Domain.Results.CommitmentWords.Commitments, "/commitments"), new(Liaison.Domain.Results.DeedWords.Deeds, "/deeds"),
            new(Liaison.Domain.Results.GradingWords.Grading, "/grading")]),
        new(new("督查考核", "Supervision"),
        [
            new(new("督查工作台", "Supervision"), "/supervision", Ability.Supervise),
            new(new("通报", "Notices"), "/notices", Ability.Read),
            new(new("限期整改", "Rectification orders"), "/orders", Ability.Read),
            new(new("异常提示", "Plausibility flags"), "/field/flags", Ability.Supervise),
            new(new("年度考核", "Year-end assessment"), "/assessment", Ability.Assess),
            new(new("我的考核", "My assessment"), "/assessment/mine", CadreOnly: true),
            new(Liaison.Domain.Assessment.AssessmentWords.Years, "/years", Ability.Assess),
        ]),
        new(Words.Report, [new(Words.Report, "/reports")]),
        new(new("系统管理", "Administration"), [
            new(Words.Registries, "/people", Ability.EditRegistries),
            new(new("政策设置", "Policy"), "/policy"),
            new(Words.Imports, "/imports", Ability.EditPlan),
            new(Words.Accounts, "/admin/accounts", Ability.ManageAccounts),
            new(Words.AuditLog, "/audit", Ability.ReadAudit),
            new(Words.AccountSecurity, "/account/security"),
            new(new("公开页面", "Public portal"), "/public"),
        ]),
    ];

    /// <summary>The groups with the entries this role may use; groups left empty are dropped.</summary>
    public static IEnumerable<Group> For(Role? role, bool isCadre) =>
        Groups.Select(g => g with { Entries = g.Entries.Where(e => (e.Needs is null || role is { } r && Roles.May(r, e.Needs.Value)) && (!e.CadreOnly || isCadre)).ToList() })
            .Where(g => g.Entries.Count > 0);

    /// <summary>The entry a path belongs to: the longest matching prefix, so /cases/figures is not lit as /cases.</summary>
    public static string? Current(string path) =>
        Groups.SelectMany(g => g.Entries).Select(e => e.Href)
            .Where(h => h == "/" ? path == "/" : path.Equals(h, StringComparison.OrdinalIgnoreCase) || path.StartsWith(h + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(h => h.Length).FirstOrDefault();
}
