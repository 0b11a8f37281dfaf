using System.CommandLine;
using System.Globalization;
using Liaison.App.Cli;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.People;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.People;

/// <summary>
/// <c>liaison cadres|households|units …</c>: the registries one record at a time, as the pages under
/// /people do — add, correct, and each change of a record's life with its day and reason, within
/// the jurisdiction of <c>--as USER</c> (the operator's everything without it), audited.
/// </summary>
public static class PeopleCommands
{
    private const string ReachOfCurrent = "a command's edit: the record's current values, before the store checks the jurisdiction";

    private static Option<DateOnly?> OnOption() => new("--on") { Description = "变动日期（默认今天）/ the day of the change (default today)" };

    private static Option<string?> ReasonOption(bool required) => new("--reason") { Description = "理由 / the reason", Required = required };

    private static Option<string?> AsOption() => new("--as") { Description = "以该账户的权限范围办理 / within this account's jurisdiction" };

    // ---- cadres ----

    public static Command Cadres()
    {
        var root = new Command("cadres", "干部名册：逐条新增、修改、调动、退休等 / the cadre roster one record at a time");
        root.Subcommands.Add(AddCadre());
        root.Subcommands.Add(EditCadre());
        var transferTo = new Option<string>("--to") { Description = "调入单位编码 / the unit moved to", Required = true };
        root.Subcommands.Add(CadreChange("transfer", RegistryAction.Transferred, "调动到另一单位（联系安排和第一书记任职结束）/ transfer to another unit (ties and postings end)", transferTo));
        root.Subcommands.Add(CadreChange("retire", RegistryAction.Retired, "退休（联系安排和任职结束）/ retire (ties and postings end)"));
        root.Subcommands.Add(CadreChange("leave", RegistryAction.Left, "离职（联系安排和任职结束）/ leave the service (ties and postings end)"));
        root.Subcommands.Add(CadreChange("die", RegistryAction.Died, "去世（联系安排和任职结束）/ record a death (ties and postings end)"));
        root.Subcommands.Add(CadreChange("suspend", RegistryAction.Suspended, "停职（下次编制计划不再安排）/ suspend (out of the next plan)"));
        root.Subcommands.Add(CadreChange("reinstate", RegistryAction.Reinstated, "复职 / reinstate"));
        return root;
    }

    private static Command AddCadre()
    {
        var code = new Option<string>("--code") { Description = "干部编号 / staff number", Required = true };
        var name = new Option<string>("--name") { Description = "姓名 / name", Required = true };
        var unit = new Option<string>("--unit") { Description = "单位编码 / unit code", Required = true };
        var rank = new Option<string>("--rank") { Description = "职级：" + Terms.Choices(Terms.Ranks, false) + " / rank", Required = true };
        var birth = new Option<int>("--birth-year") { Description = "出生年份 / birth year", Required = true };
        var gender = new Option<string>("--gender") { Description = "性别：男/女 / gender", Required = true };
        var (phone, reserve, police, promoted) = Flags();
        var on = OnOption();
        var reason = ReasonOption(false);
        var asUser = AsOption();
        var add = new Command("add", "新增干部（到岗）/ add a cadre (a hire)") { code, name, unit, rank, birth, gender, phone, reserve, police, promoted, on, reason, asUser };
        add.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var input = new CadreInput(run.Value(code)!.Trim(), run.Value(name)!.Trim(), run.Value(unit)!.Trim(), Choice("rank", run.Value(rank)!, Terms.Ranks),
                run.Value(reserve), run.Value(police), run.Value(promoted), run.Value(birth), Choice("gender", run.Value(gender)!, Terms.Genders), run.Value(phone));
            var outcome = await RegistryStore.AddCadreAsync(db, run.Clock, who.Actor, who.Scoped.Scope, input, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), ct);
            return Report(run, outcome);
        }));
        return add;
    }

    private static Command EditCadre()
    {
        var code = new Argument<string>("code") { Description = "干部编号 / staff number" };
        var name = new Option<string?>("--name") { Description = "姓名 / name" };
        var rank = new Option<string?>("--rank") { Description = "职级 / rank" };
        var birth = new Option<int?>("--birth-year") { Description = "出生年份 / birth year" };
        var gender = new Option<string?>("--gender") { Description = "性别 / gender" };
        var phone = new Option<string?>("--phone") { Description = "手机号码 / phone" };
        var reserve = new Option<bool?>("--reserve") { Description = "后备干部 true/false / reserve cadre" };
        var police = new Option<bool?>("--police") { Description = "民警 true/false / police officer" };
        var promoted = new Option<bool?>("--newly-promoted") { Description = "新提拔无基层经历 true/false / newly promoted" };
        var asUser = AsOption();
        var edit = new Command("edit", "修改干部信息（未给出的项不变）/ correct a cadre (what is not given stays)") { code, name, rank, birth, gender, phone, reserve, police, promoted, asUser };
        edit.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var key = run.Value(code)!.Trim();
            Cadre? c;
            string? unitCode;
            using (Unscoped.Section(ReachOfCurrent))
            {
                c = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(x => x.Code == key, ct);
                unitCode = c is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == c.UnitId).Select(u => u.Code).FirstAsync(ct);
            }
            // An unknown cadre is refused by the store, as one outside the jurisdiction is.
            var input = c is null
                ? new CadreInput(key, "", "", CadreRank.Ordinary, false, false, false, 0, Gender.Male, null)
                : new CadreInput(c.Code, run.Value(name)?.Trim() ?? c.Name, unitCode!, run.Value(rank) is { } r ? Choice("rank", r, Terms.Ranks) : c.Rank,
                    run.Value(reserve) ?? c.IsReserve, run.Value(police) ?? c.IsPolice, run.Value(promoted) ?? c.IsNewlyPromoted, run.Value(birth) ?? c.BirthYear,
                    run.Value(gender) is { } g ? Choice("gender", g, Terms.Genders) : c.Gender, run.Value(phone));
            return Report(run, await RegistryStore.EditCadreAsync(db, run.Clock, who.Actor, who.Scoped.Scope, key, input, null, ct));
        }));
        return edit;
    }

    private static Command CadreChange(string verb, RegistryAction action, string description, Option<string>? other = null)
    {
        var code = new Argument<string>("code") { Description = "干部编号 / staff number" };
        var on = OnOption();
        var reason = ReasonOption(true);
        var asUser = AsOption();
        var command = new Command(verb, description) { code, on, reason, asUser };
        if (other is not null)
        {
            command.Options.Add(other);
        }
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var change = new RegistryChange(action, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), other is null ? null : run.Value(other));
            return Report(run, await RegistryStore.ChangeCadreAsync(db, run.Clock, who.Actor, who.Scoped.Scope, run.Value(code)!, change, ct));
        }));
        return command;
    }

    // ---- households ----

    public static Command Households()
    {
        var root = new Command("households", "农户名册：逐户新增、修改、迁出、并户、分户 / the household registry one record at a time");
        var village = new Option<string>("--village") { Description = "村代码 / village code", Required = true };
        var houseNo = new Option<string>("--house-no") { Description = "门牌号 / house number", Required = true };
        var head = new Option<string>("--head") { Description = "户主姓名 / head of household", Required = true };
        var phone = new Option<string?>("--phone") { Description = "户主电话 / head's phone" };
        var members = new Option<int>("--members") { Description = "家庭人口 / members", Required = true };
        var categories = new Option<string?>("--categories") { Description = "户类别，逗号分隔：" + Terms.Choices(Terms.HouseholdCategoryTerms, false) + " / categories, comma-separated" };
        var on = OnOption();
        var reason = ReasonOption(false);
        var asUser = AsOption();
        var add = new Command("add", "新增农户 / add a household") { village, houseNo, head, phone, members, categories, on, reason, asUser };
        add.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var input = new HouseholdInput(run.Value(village)!.Trim(), run.Value(houseNo)!.Trim(), run.Value(head), run.Value(phone), run.Value(members), Categories(run.Value(categories)));
            return Report(run, await RegistryStore.AddHouseholdAsync(db, run.Clock, who.Actor, who.Scoped.Scope, input, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), ct));
        }));
        root.Subcommands.Add(add);

        var editHousehold = new Argument<string>("household") { Description = "农户：村代码/门牌号 或编号 / the household: VILLAGE/HOUSE-NO or its id" };
        var editHead = new Option<string?>("--head") { Description = "户主姓名 / head of household" };
        var editPhone = new Option<string?>("--phone") { Description = "户主电话 / head's phone" };
        var editMembers = new Option<int?>("--members") { Description = "家庭人口 / members" };
        var editCategories = new Option<string?>("--categories") { Description = "户类别，逗号分隔（给出则替换）/ categories, comma-separated (replace)" };
        var editAs = AsOption();
        var edit = new Command("edit", "修改农户信息（未给出的项不变）/ correct a household (what is not given stays)") { editHousehold, editHead, editPhone, editMembers, editCategories, editAs };
        edit.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(editAs), ct);
            var h = await HouseholdAsync(db, run.Value(editHousehold)!, ct);
            var input = new HouseholdInput(h.VillageCode, h.HouseNo, run.Value(editHead), run.Value(editPhone), run.Value(editMembers) ?? h.MemberCount,
                run.Value(editCategories) is { } cats ? Categories(cats) : h.Categories);
            return Report(run, await RegistryStore.EditHouseholdAsync(db, run.Clock, who.Actor, who.Scoped.Scope, h.Id, input, null, ct));
        }));
        root.Subcommands.Add(edit);

        root.Subcommands.Add(HouseholdChange("move-out", RegistryAction.MovedOut, "迁出（不再计入本村农户，走访记录保留）/ move out (no longer counted; visits kept)"));
        var into = new Option<string>("--into") { Description = "并入户的门牌号（同村）/ house number merged into (same village)", Required = true };
        root.Subcommands.Add(HouseholdChange("merge", RegistryAction.Merged, "并户 / merge into another household of the village", into));
        var splitNo = new Option<string>("--house-no") { Description = "新户门牌号 / the new household's house number", Required = true };
        var splitHead = new Option<string>("--head") { Description = "新户户主 / the new household's head", Required = true };
        var splitPhone = new Option<string?>("--phone") { Description = "新户电话 / the new household's phone" };
        var splitMembers = new Option<int>("--members") { Description = "新户人口（从原户分出）/ members who go to the new household", Required = true };
        root.Subcommands.Add(HouseholdChange("split", RegistryAction.Split, "分户 / split a new household off", null, (splitNo, splitHead, splitPhone, splitMembers)));
        return root;
    }

    private static Command HouseholdChange(string verb, RegistryAction action, string description, Option<string>? other = null,
        (Option<string> HouseNo, Option<string> Head, Option<string?> Phone, Option<int> Members)? split = null)
    {
        var household = new Argument<string>("household") { Description = "农户：村代码/门牌号 或编号 / the household: VILLAGE/HOUSE-NO or its id" };
        var on = OnOption();
        var reason = ReasonOption(true);
        var asUser = AsOption();
        var command = new Command(verb, description) { household, on, reason, asUser };
        if (other is not null)
        {
            command.Options.Add(other);
        }
        if (split is { } s)
        {
            command.Options.Add(s.HouseNo);
            command.Options.Add(s.Head);
            command.Options.Add(s.Phone);
            command.Options.Add(s.Members);
        }
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var h = await HouseholdAsync(db, run.Value(household)!, ct);
            var change = new RegistryChange(action, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), other is null ? null : run.Value(other));
            var newOne = split is { } sp ? new HouseholdInput(h.VillageCode, run.Value(sp.HouseNo)!.Trim(), run.Value(sp.Head), run.Value(sp.Phone), run.Value(sp.Members), HouseholdCategory.None) : null;
            return Report(run, await RegistryStore.ChangeHouseholdAsync(db, run.Clock, who.Actor, who.Scoped.Scope, h.Id, change, newOne, ct));
        }));
        return command;
    }

    /// <summary>A household named as VILLAGE/HOUSE-NO or by its id; the store decides whether it is in reach.</summary>
    private static async Task<Household> HouseholdAsync(LiaisonDb db, string key, CancellationToken ct)
    {
        key = key.Trim();
        using var outside = Unscoped.Section(ReachOfCurrent);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        Household? found = slash > 0
            ? await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.VillageCode == key.Substring(0, slash) && h.HouseNo == key.Substring(slash + 1), ct)
            : long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) : null;
        return found ?? throw new RefusedException(new Problem("household", $"农户 {key} 不存在或不在您的管辖范围内", $"household {key} does not exist or is outside your jurisdiction") { Code = "not-found" });
    }

    // ---- units ----

    public static Command Units()
    {
        var root = new Command("units", "单位名册：逐个新增、修改、更名、合并、分立、撤销 / the unit roster one record at a time");
        var code = new Option<string>("--code") { Description = "单位编码 / unit code", Required = true };
        var name = new Option<string>("--name") { Description = "单位名称 / unit name", Required = true };
        var level = new Option<string>("--level") { Description = "层级：" + Terms.Choices(Terms.UnitLevels, false) + " / level", Required = true };
        var category = new Option<string>("--category") { Description = "类别：" + Terms.Choices(Terms.UnitCategories, false) + " / category", Required = true };
        var division = new Option<string>("--division") { Description = "所属行政区划代码 / division code", Required = true };
        var on = OnOption();
        var reason = ReasonOption(false);
        var asUser = AsOption();
        var add = new Command("add", "新增单位 / add a unit") { code, name, level, category, division, on, reason, asUser };
        add.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var input = new UnitInput(run.Value(code)!.Trim(), run.Value(name)!.Trim(), Choice("level", run.Value(level)!, Terms.UnitLevels),
                Choice("category", run.Value(category)!, Terms.UnitCategories), run.Value(division)!.Trim());
            return Report(run, await RegistryStore.AddUnitAsync(db, run.Clock, who.Actor, who.Scoped.Scope, input, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), ct));
        }));
        root.Subcommands.Add(add);

        var newName = new Option<string>("--name") { Description = "新名称 / the new name", Required = true };
        root.Subcommands.Add(UnitChange("rename", RegistryAction.Renamed, "更名 / rename", newName));
        var into = new Option<string>("--into") { Description = "并入的单位编码（干部随之转入）/ the unit merged into (the cadres move there)", Required = true };
        root.Subcommands.Add(UnitChange("merge", RegistryAction.Merged, "合并到另一单位 / merge into another unit", into));
        root.Subcommands.Add(UnitChange("close", RegistryAction.Closed, "撤销（须先调出全部干部）/ close (every cadre moved out first)"));
        var newCode = new Option<string>("--new-code") { Description = "新单位编码 / the new unit's code", Required = true };
        var newUnitName = new Option<string>("--new-name") { Description = "新单位名称 / the new unit's name", Required = true };
        var cadres = new Option<string?>("--cadres") { Description = "随新单位分出的干部编号，逗号分隔 / staff numbers who go with the new unit, comma-separated" };
        root.Subcommands.Add(UnitChange("split", RegistryAction.Split, "分立出新单位 / split a new unit off", null, (newCode, newUnitName, cadres)));
        return root;
    }

    private static Command UnitChange(string verb, RegistryAction action, string description, Option<string>? other = null,
        (Option<string> Code, Option<string> Name, Option<string?> Cadres)? split = null)
    {
        var code = new Argument<string>("code") { Description = "单位编码 / unit code" };
        var on = OnOption();
        var reason = ReasonOption(true);
        var asUser = AsOption();
        var command = new Command(verb, description) { code, on, reason, asUser };
        if (other is not null)
        {
            command.Options.Add(other);
        }
        if (split is { } s)
        {
            command.Options.Add(s.Code);
            command.Options.Add(s.Name);
            command.Options.Add(s.Cadres);
        }
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var key = run.Value(code)!.Trim();
            UnitInput? newUnit = null;
            List<string>? moving = null;
            if (split is { } sp)
            {
                Unit? unit;
                using (Unscoped.Section(ReachOfCurrent))
                {
                    unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == key, ct);
                }
                // The new unit is of the old one's level, category and division.
                newUnit = new UnitInput(run.Value(sp.Code)!.Trim(), run.Value(sp.Name)!.Trim(), unit?.Level ?? UnitLevel.County, unit?.Category ?? UnitCategory.Other, unit?.DivisionCode ?? "");
                moving = (run.Value(sp.Cadres) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            }
            var change = new RegistryChange(action, run.Value(on) ?? ChinaTime.Today(run.Clock), run.Value(reason), other is null ? null : run.Value(other));
            return Report(run, await RegistryStore.ChangeUnitAsync(db, run.Clock, who.Actor, who.Scoped.Scope, key, change, newUnit, moving, ct));
        }));
        return command;
    }

    // ---- the parts ----

    private static (Option<string?> Phone, Option<bool> Reserve, Option<bool> Police, Option<bool> Promoted) Flags() => (
        new Option<string?>("--phone") { Description = "手机号码 / phone" },
        new Option<bool>("--reserve") { Description = "后备干部 / reserve cadre" },
        new Option<bool>("--police") { Description = "民警 / police officer" },
        new Option<bool>("--newly-promoted") { Description = "新提拔无基层经历 / newly promoted" });

    /// <summary>A choice by its name in either language or its key (rank: ordinary, 一般干部 …); refused with the choices otherwise.</summary>
    private static T Choice<T>(string field, string text, IReadOnlyDictionary<T, Term> terms)
        where T : struct, Enum
    {
        var v = text.Trim();
        foreach (var (key, term) in terms)
        {
            if (string.Equals(v, term.Zh, StringComparison.Ordinal) || string.Equals(v, term.En, StringComparison.OrdinalIgnoreCase) || string.Equals(v, key.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }
        throw new RefusedException(new Problem(field, $"“{v}”不是可选值：{Terms.Choices(terms, false)}", $"'{v}' is not one of: {Terms.Choices(terms, true)}") { Code = "choice" });
    }

    private static HouseholdCategory Categories(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(HouseholdCategory.None, (all, one) => all | Choice("categories", one, Terms.HouseholdCategoryTerms));

    private static int Report(CommandRunner run, RegistryOutcome o)
    {
        var e = o.Event;
        if (run.Json)
        {
            CommandRunner.Print(new
            {
                action = RegistryWords.Key(e.Action),
                record = e.RecordKey,
                id = e.RecordId,
                on = e.On,
                reason = e.Reason,
                other = e.OtherKey,
                fields = e.Fields?.Split(','),
                version = e.Version,
                tiesEnded = o.TiesEnded,
                postingsEnded = o.PostingsEnded,
                replan = o.Replan,
                created = o.NewKey,
            });
            return ExitCodes.Ok;
        }
        var day = e.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine(run.Say($"已登记：{RegistryWords.Actions[e.Action].Zh} {e.RecordKey}（{day}）", $"Recorded: {RegistryWords.Actions[e.Action].En} {e.RecordKey} ({day})"));
        if (o.TiesEnded > 0 || o.PostingsEnded > 0)
        {
            Console.WriteLine(run.Say($"  结束联系安排 {o.TiesEnded} 项、第一书记任职 {o.PostingsEnded} 项；需重新编制计划：{string.Join("、", o.Replan)}（liaison plan liaisons）",
                $"  {o.TiesEnded} ties and {o.PostingsEnded} postings ended; re-plan: {string.Join(", ", o.Replan)} (liaison plan liaisons)"));
        }
        return ExitCodes.Ok;
    }
}
