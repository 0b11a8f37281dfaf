using System.Text.Json;
using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Field;

/// <summary>
/// The cadre's phone app (installable, works with no network): a shell page whose script keeps the
/// cadre's villages and households and a queue of records on the phone, and syncs through
/// <see cref="FieldApi"/>. The words it shows come with the page, in the user's language.
/// </summary>
public sealed class IndexModel(Data.LiaisonDb db, TimeProvider clock) : PageModel
{
    /// <summary>Matter rows of the night session's form on the phone (blank ones are skipped).</summary>
    public const int NightMatterRows = 3;

    /// <summary>The script's words; a JSON data block (not script), so the content security policy allows it.</summary>
    public string TextJson { get; private set; } = "{}";

    /// <summary>The case categories of this year's policy, for a night session's escalated matters.</summary>
    public IReadOnlyList<Domain.Policy.CaseCategory> Categories { get; private set; } = [];

    /// <summary>The deed kinds of this year's policy and their quantities, for the deed sheet.</summary>
    public Domain.Policy.DeedRules Deeds { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = (await Data.Cases.CaseStore.RulesAsync(db, clock.GetUtcNow(), ct)).Categories;
        Deeds = (await Data.Policy.PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct)).Policy.Deeds;
        var words = new Dictionary<string, string>
        {
            ["online"] = Ui.T("在线", "online"),
            ["offline"] = Ui.T("离线：记录保存在手机上，联网后自动同步", "offline: records stay on the phone and sync when the network returns"),
            ["pending"] = Ui.T("待同步 {0} 条", "{0} waiting to sync"),
            ["pendingOffline"] = Ui.T("离线：{0} 条待同步", "offline: {0} waiting to sync"),
            ["refusedCount"] = Ui.T("{0} 条未能保存，见下方", "{0} not stored: see below"),
            ["waiting"] = Ui.T("待同步", "waiting to sync"),
            ["allSynced"] = Ui.T("全部已同步", "all synced"),
            ["lastSync"] = Ui.T("上次同步 {0}", "last sync {0}"),
            ["syncing"] = Ui.T("正在同步…", "syncing…"),
            ["signIn"] = Ui.T("登录已过期：请重新登录，记录仍在手机上", "signed out: sign in again; your records are safe on the phone"),
            ["noCadre"] = Ui.T("此账户未关联干部，不能记录走访", "this account is not linked to a cadre and cannot record visits"),
            ["noVillages"] = Ui.T("本年度没有联系的村", "no villages this year"),
            ["households"] = Ui.T("农户 {0} 户，已走访 {1} 户（{2}）", "{0} households, {1} visited ({2})"),
            ["search"] = Ui.T("门牌号或姓氏", "house number or surname"),
            ["inVillage"] = Ui.T("今天在村", "In the village today"),
            ["stayRecorded"] = Ui.T("已记录今天在村", "today in the village recorded"),
            ["activity"] = Ui.T(Words.FirstSecretaryActivity),
            ["night"] = Ui.T(NightWords.Sessions),
            ["deed"] = Ui.T(Domain.Results.DeedWords.Deeds),
            ["notNumber"] = Ui.T("请填写数字", "type a number"),
            ["visited"] = Ui.T("已走访", "visited"),
            ["notVisited"] = Ui.T("未走访", "not visited"),
            ["queuedVisit"] = Ui.T("已记录，待同步", "recorded, waiting to sync"),
            ["saved"] = Ui.T("已保存，等待同步", "saved; waiting to sync"),
            ["stored"] = Ui.T("已同步", "synced"),
            ["locating"] = Ui.T("正在获取位置…", "finding the position…"),
            ["located"] = Ui.T("位置已记录", "Position recorded"),
            ["notLocated"] = Ui.T("位置未记录", "No position"),
            ["members"] = Ui.T("{0} 人", "{0} people"),
            ["residence"] = Ui.T(Words.ResidenceDays),
            ["residenceLine"] = Ui.T("{0}：{1}/{2} 天", "{0}: {1}/{2} days"),
            ["behind"] = Ui.T("，差 {0} 天，本年剩 {1} 天", ", {0} behind, {1} days left this year"),
            ["met"] = Ui.T("，已达标", ", met"),
            ["discard"] = Ui.T("删除", "Discard"),
            ["firstSecretary"] = Ui.T(Words.FirstSecretary),
            ["paired"] = Ui.T(Terms.TieKinds[Domain.Liaisons.TieKind.Pairing]),
            ["loadFailed"] = Ui.T("无法读取我的村和农户：请联网后重试", "could not load your villages and households: try again with a network"),
            ["duties"] = Ui.T(Words.SecretaryDutiesHeading),
            ["dutyLine"] = Ui.T("{0}：{1}/{2} 户", "{0}: {1} of {2} households"),
            ["dutyMet"] = Ui.T(Words.DutyMet),
            ["unvisitedLine"] = Ui.T("还有 {0} 户未走访：{1}", "{0} households still unvisited: {1}"),
            ["allVisited"] = Ui.T("全村在册农户都已走访", "every current household visited"),
            ["listSeparator"] = Ui.T(Words.ListSeparator),
            ["practical"] = Ui.T(SecretaryDuties.PracticalThingsWord) + Ui.T("：本年已办 {0} 件", ": {0} this year"),
            // A household whose help plan the cadre is responsible for (结对帮扶): their visits there are its follow-ups.
            ["helped"] = Ui.T(Words.HelpPlans),
            ["helpPlans"] = Ui.T("我的结对帮扶（一户一策）", "The households I help (a plan each)"),
            ["helpLine"] = Ui.T("需求：{0}；措施：{1}", "needs: {0}; measures: {1}"),
            ["helpTarget"] = Ui.T("目标 {0}，本年走访 {1} 次", "target {0}, {1} visits this year"),
            ["helpOverdue"] = Ui.T("，已过目标日期", ", past its target"),
        };
        // A village of the cadre's work team is labelled with the team's kind (MyVillage.Team: county, township, village).
        foreach (var level in new[] { DivisionLevel.County, DivisionLevel.Township, DivisionLevel.Village })
        {
            words["team." + level.ToString().ToLowerInvariant()] = Ui.T(WorkTeamTerms.Kind(level)!.Value);
        }
        // The duties and the categories of the unvisited come by key (MyDuties); their words, here.
        foreach (var duty in SecretaryDuties.All)
        {
            words["duty." + SecretaryDuties.Key(duty)] = Ui.T(SecretaryDuties.Word(duty));
        }
        foreach (var category in HouseholdCategories.All.Append(HouseholdCategory.None))
        {
            words["category." + SecretaryDuties.Key(category)] = Ui.T(SecretaryDuties.GroupWord(category));
        }
        TextJson = JsonSerializer.Serialize(words).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
