using Liaison.Domain.Access;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Shared;

/// <summary>
/// The audit log's keys in people's words: what was done (<c>account.sign-in</c> → 登录), to which
/// kind of record, the fields of its before and after, and their values. The log keeps the keys;
/// pages and exports show these. An unknown key reads as itself.
/// </summary>
public static class AuditWords
{
    private static readonly Term Account = new("账户", "account");
    private static readonly Term Key = new("密钥", "key");

    private static readonly Dictionary<string, Term> Actions = new(StringComparer.Ordinal)
    {
        ["account.sign-in"] = Words.SignIn,
        ["account.add"] = new("新增账户", "account added"),
        ["account.disable"] = new("停用账户", "account disabled"),
        ["account.enable"] = new("启用账户", "account enabled"),
        ["account.password-reset"] = new("重置密码", "password reset"),
        ["account.password-set"] = new("设置密码", "password set"),
        ["account.password-change"] = Words.ChangePassword,
        ["account.totp-on"] = new("开启两步验证", "second step turned on"),
        ["account.totp-off"] = new("关闭两步验证", "second step turned off"),
        ["account.sign-out-everywhere"] = new("在所有设备上退出", "signed out everywhere"),
        ["token.create"] = new("创建 API 令牌", "API token created"),
        ["token.revoke"] = new("作废 API 令牌", "API token revoked"),
        ["personal-data.reveal"] = new("查看个人信息", "personal data revealed"),
        ["case.create"] = new("登记事项", "case entered"),
        ["dispute.add"] = new("登记纠纷", "dispute recorded"),
        ["dispute.update"] = new("记录调解经过", "mediation recorded"),
        ["errand.add"] = new("登记代办", "errand taken"),
        ["errand.finish"] = new("代办办结", "errand finished"),
        ["field.visit"] = new("记录入户走访", "visits recorded"),
        ["field.stay"] = new("记录驻村", "stays recorded"),
        ["field.activity"] = new("记录工作", "activities recorded"),
        ["liaison-tie.add"] = new("新增联系安排", "tie added"),
        ["liaison-tie.move"] = new("调整联系安排", "tie moved"),
        ["liaison-tie.end"] = new("结束联系安排", "tie ended"),
        ["liaison-tie.lock"] = new("锁定联系安排", "tie locked"),
        ["liaison-tie.unlock"] = new("解除锁定", "tie unlocked"),
        ["plan.liaisons"] = new("编制联系计划", "liaison plan made"),
        ["plan.first-secretaries"] = new("匹配第一书记", "First Secretaries matched"),
        ["secretaries.calls"] = new("发布选派名额", "calls published"),
        ["secretaries.register"] = new("登记人选", "candidate registered"),
        ["secretaries.score"] = new("人选评分", "candidate scored"),
        ["secretaries.select"] = new("确定人选", "candidates selected"),
        ["secretaries.move"] = new("第一书记改派", "First Secretary moved"),
        ["secretaries.replace"] = new("第一书记召回并替换", "First Secretary replaced"),
        ["secretaries.recall"] = new("召回第一书记", "First Secretary recalled"),
        ["secretaries.appoint"] = new("第一书记任职", "First Secretary appointed"),
        ["secretaries.support"] = new("登记帮扶", "support recorded"),
        ["policy.set"] = new("设置政策", "policy set"),
        ["cadre.add"] = new("新增干部（到岗）", "cadre hired"),
        ["cadre.edit"] = new("修改干部信息", "cadre corrected"),
        ["cadre.transferred"] = new("干部调动", "cadre transferred"),
        ["cadre.retired"] = new("干部退休", "cadre retired"),
        ["cadre.left"] = new("干部离职", "cadre left"),
        ["cadre.died"] = new("干部去世", "cadre deceased"),
        ["cadre.suspended"] = new("干部停职", "cadre suspended"),
        ["cadre.reinstated"] = new("干部复职", "cadre reinstated"),
        ["household.add"] = new("新增农户", "household added"),
        ["household.edit"] = new("修改农户信息", "household corrected"),
        ["household.moved-out"] = new("农户迁出", "household moved out"),
        ["household.merged"] = new("农户并户", "household merged"),
        ["household.split"] = new("农户分户", "household split"),
        ["unit.add"] = new("新增单位", "unit added"),
        ["unit.edit"] = new("修改单位信息", "unit corrected"),
        ["unit.renamed"] = new("单位更名", "unit renamed"),
        ["unit.merged"] = new("单位合并", "unit merged"),
        ["unit.split"] = new("单位分立", "unit split"),
        ["unit.closed"] = new("单位撤销", "unit closed"),
        ["import.divisions"] = new("导入行政区划", "divisions imported"),
        ["division.withdraw"] = new("区划代码撤销", "division code withdrawn"),
        ["import.units"] = new("导入单位", "units imported"),
        ["import.cadres"] = new("导入干部", "cadres imported"),
        ["import.households"] = new("导入农户", "households imported"),
        ["import.candidates"] = new("导入第一书记人选", "candidates imported"),
        ["import.village-profiles"] = new("导入村情", "village profiles imported"),
        ["village-profile.save"] = new("编辑村情", "village profile edited"),
        ["export"] = new("导出", "exported"),
        ["export.unmasked"] = new("导出（含完整个人信息）", "exported with personal data"),
        ["export.unmasked-refused"] = new("拒绝导出完整个人信息", "export with personal data refused"),
        ["report.export"] = new("下载报表", "report downloaded"),
        ["report.refresh"] = new("重算报表", "report recounted"),
        ["cards.print"] = new("打印民情联系卡", "contact cards printed"),
        ["demo.seed"] = new("生成演示数据", "demo seeded"),
        ["demo.activity"] = new("生成演示工作记录", "demo activity generated"),
        ["demo.candidates"] = new("生成演示人选", "demo candidates generated"),
        ["keys.reencrypt"] = new("更换密钥并重新加密", "personal data re-encrypted"),
        ["keys.record"] = new("登记密钥", "keys recorded"),
        ["audit.reseal"] = new("重新封印审计日志", "audit log resealed"),
        ["city.set"] = new("设置城市", "city set"),
        ["night.record"] = new("记录夜谈夜访", "night session recorded"),
        ["pairing.stay"] = new("记录联建单位集中驻村", "unit stay recorded"),
        ["team.create"] = new("成立工作组", "work team formed"),
        ["team.member.add"] = new("工作组增加成员", "work team member added"),
        ["team.member.end"] = new("工作组成员退出", "work team member left"),
        ["team.meeting"] = new("记录工作组会议", "work team meeting recorded"),
        ["help.create"] = new("制定帮扶计划", "help plan drawn up"),
        ["help.close"] = new("帮扶计划结束", "help plan closed"),
        ["deed.record"] = new("记录实事好事", "practical deed recorded"),
        ["commitment.make"] = new("作出公开承诺", "public commitment made"),
        ["commitment.progress"] = new("记录承诺进展", "commitment progress recorded"),
        ["commitment.keep"] = new("承诺兑现", "commitment kept"),
        ["commitment.drop"] = new("承诺未兑现", "commitment not kept"),
        ["agreement.draft"] = new("起草目标责任书", "agreement drafted"),
        ["agreement.revise"] = new("修改目标责任书草稿", "agreement draft revised"),
        ["agreement.agree"] = new("第一书记确认目标责任书", "agreement agreed by the First Secretary"),
        ["agreement.sign"] = new("签订目标责任书", "agreement signed"),
        ["agreement.amend"] = new("修订已签订的目标责任书", "signed agreement amended"),
        ["agreement.target-met"] = new("目标任务完成", "target met"),
        ["grading.open"] = new("开始分类定级", "grading opened"),
        ["grading.grade"] = new("村党组织定级", "village graded"),
        ["grading.submit"] = new("定级报县确认", "grading sent up"),
        ["grading.confirm"] = new("县里确认定级", "grading confirmed"),
        ["rectification.plan"] = new("制定整顿方案", "rectification plan made"),
        ["rectification.progress"] = new("记录整顿进展", "rectification progress recorded"),
        ["supervision.round"] = new("安排暗访检查", "inspection round planned"),
        ["supervision.inspect"] = new("记录暗访检查", "inspection recorded"),
        ["supervision.finding"] = new("记录督查问题", "finding recorded"),
        ["supervision.sample"] = new("抽取电话核实样本", "call sample drawn"),
        ["supervision.call"] = new("记录核实电话", "verification call recorded"),
        ["notice.draft"] = new("起草通报", "notice drafted"),
        ["notice.edit"] = new("修改通报草稿", "notice draft revised"),
        ["notice.issue"] = new("印发通报", "notice issued"),
        ["notice.withdraw"] = new("撤回通报", "notice withdrawn"),
        ["order.issue"] = new("下达限期整改", "rectification ordered"),
        ["order.report"] = new("报告整改情况", "rectification reported"),
        ["order.accept"] = new("整改验收销号", "rectification accepted"),
        ["order.send-back"] = new("整改退回", "rectification sent back"),
        ["order.escalate"] = new("整改超期督办", "overdue rectification escalated"),
        ["flag.review"] = new("核查异常提示", "flag reviewed"),
        ["supervision.review"] = new("记录查阅资料", "document review recorded"),
    };

    private static readonly Dictionary<string, Term> Entities = new(StringComparer.Ordinal)
    {
        ["account"] = Account,
        ["api-token"] = new("API 令牌", "API token"),
        ["household"] = new("农户", "household"),
        ["case"] = new("事项", "case"),
        ["dispute"] = new("矛盾纠纷", "dispute"),
        ["errand"] = new("民生代办", "errand"),
        ["visit"] = new("入户走访", "visit"),
        ["stay"] = new("驻村", "stay"),
        ["activity"] = new("工作记录", "activity"),
        ["field"] = Words.FieldVisits,
        ["liaison-tie"] = new("联系安排", "tie"),
        ["liaison-plan"] = Words.LiaisonPlan,
        ["secretary-call"] = new("选派名额", "First Secretary call"),
        ["secretary-candidate"] = new("第一书记人选", "First Secretary candidate"),
        ["secretary-posting"] = new("第一书记任职", "First Secretary posting"),
        ["secretary-support"] = new("帮扶", "support"),
        ["policy"] = new("政策", "policy"),
        ["divisions"] = Words.Divisions,
        ["units"] = new("单位名册", "unit roster"),
        ["cadres"] = new("干部名册", "cadre roster"),
        ["households"] = new("农户名册", "household roster"),
        ["candidates"] = new("人选名单", "candidate list"),
        ["village-profile"] = Words.VillageProfile,
        ["village-profiles"] = new("村情表", "village profiles"),
        ["ties"] = new("联系安排表", "ties list"),
        ["personal-data"] = new("个人信息", "personal data"),
        ["key"] = Key,
        ["audit"] = Words.AuditLog,
        ["rollups"] = new("报表汇总", "report figures"),
        ["division"] = Words.Division,
        ["unit"] = Words.Unit,
        ["cadre"] = Words.Cadre,
        ["village"] = Words.Village,
        ["demo"] = Words.Demo,
        ["night-session"] = Domain.Field.NightWords.Sessions,
        ["work-team"] = Words.WorkTeams,
        ["help-plan"] = Words.HelpPlans,
        ["deed"] = Results.DeedWords.Deeds,
        ["commitment"] = Results.CommitmentWords.Commitments,
        ["agreement"] = Results.AgreementWords.Agreements,
        ["grading"] = Results.GradingWords.Grading,
        ["rectification"] = Results.GradingWords.Rectifications,
        ["inspection-round"] = new("暗访检查", "inspection round"),
        ["inspection"] = new("暗访记录", "inspection"),
        ["finding"] = new("督查问题", "finding"),
        ["call-sample"] = new("电话核实样本", "call sample"),
        ["sample-call"] = new("核实电话", "verification call"),
        ["notice"] = new("通报", "notice"),
        ["rectification-order"] = new("限期整改", "rectification order"),
        ["flag"] = Words.PlausibilityFlags,
        ["document-review"] = new("查阅资料", "document review"),
    };

    /// <summary>Field names, by the key in lower case (aliases are read as their field first: cadreId → cadre).</summary>
    private static readonly Dictionary<string, Term> Fields = new(StringComparer.Ordinal)
    {
        ["status"] = Words.Status,
        ["withdrawnon"] = new("撤销日期", "withdrawn on"),
        ["mergedinto"] = new("并入", "merged into"),
        ["householdsmoved"] = new("移入的农户", "households moved"),
        ["renumbered"] = new("改门牌号的农户", "households renumbered"),
        ["level"] = Words.Level,
        ["holderdivision"] = new("办理区划", "held at"),
        ["holderunitid"] = new("承办单位", "unit in charge"),
        ["note"] = new("说明", "note"),
        ["kind"] = Words.Kind,
        ["category"] = Words.Category,
        ["channel"] = Words.Channel,
        ["cadre"] = Words.Cadre,
        ["visitissueid"] = new("走访中反映的问题", "issue raised on a visit"),
        ["outcome"] = Words.Outcome,
        ["ip"] = new("IP 地址", "IP address"),
        ["disabled"] = Words.Disabled,
        ["sessionsended"] = new("结束的会话", "sessions ended"),
        ["othersessionsended"] = new("结束的其他会话", "other sessions ended"),
        ["tokensrevoked"] = new("作废全部 API 令牌", "API tokens revoked"),
        ["mustchange"] = new("须修改密码", "must change the password"),
        ["username"] = new("用户名", "user name"),
        ["role"] = new("角色", "role"),
        ["scope"] = new("范围", "scope"),
        ["displayname"] = new("姓名", "name"),
        ["name"] = Words.Name,
        ["prefix"] = new("令牌前缀", "token prefix"),
        ["expires"] = new("到期", "expires"),
        ["account"] = Account,
        ["file"] = new("文件", "file"),
        ["bytes"] = new("字节数", "bytes"),
        ["sha256"] = Term.Same("SHA-256"),
        ["rows"] = new("行数", "rows"),
        ["fields"] = new("字段", "fields"),
        ["reason"] = Words.Reason,
        ["id"] = new("编号", "id"),
        ["year"] = Words.Year,
        ["grade"] = Words.PartyOrgGradeLabel,
        ["types"] = Words.VillageTypeLabel,
        ["latitude"] = Words.Latitude,
        ["longitude"] = Words.Longitude,
        ["population"] = Words.Population,
        ["income"] = Words.CollectiveIncome,
        ["distance"] = Words.SeatDistance,
        ["remarks"] = Words.Remarks,
        ["unit"] = Words.Unit,
        ["division"] = Words.Division,
        ["village"] = Words.Village,
        ["since"] = new("起", "since"),
        ["until"] = new("止", "until"),
        ["origin"] = new("来源", "origin"),
        ["locked"] = new("锁定", "locked"),
        ["endreason"] = new("结束原因", "reason it ended"),
        ["political"] = Words.Political,
        ["innovation"] = Words.Innovation,
        ["masswork"] = Words.MassWork,
        ["coordination"] = Words.Coordination,
        ["posting"] = new("任职", "posting"),
        ["call"] = Words.Call,
        ["home"] = new("家乡", "home"),
        ["appointedon"] = new("任命日期", "appointed on"),
        ["membershipmoved"] = new("组织关系已转入", "party membership moved"),
        ["decoupled"] = new("与原单位工作脱钩", "decoupled from the unit"),
        ["headsworkgroup"] = Words.HeadsTheVillageWorkGroup,
        ["amount"] = Words.Amount,
        ["description"] = Words.Description,
        ["on"] = Words.Date,
        ["selected"] = new("选中", "selected"),
        ["notselected"] = new("未选中", "not selected"),
        ["added"] = new("新增", "added"),
        ["kept"] = new("保留", "kept"),
        ["ended"] = new("结束", "ended"),
        ["unplaced"] = new("未安排", "not placed"),
        ["totalcost"] = new("总成本", "total cost"),
        ["stays"] = new("驻村记录", "stays"),
        ["calls"] = new("选派数", "calls"),
        ["quota"] = Words.Quota,
        ["bylevel"] = new("按层级", "by level"),
        ["candidates"] = new("人选", "candidates"),
        ["seed"] = new("随机种子", "seed"),
        ["scale"] = new("规模", "scale"),
        ["divisions"] = Words.Divisions,
        ["units"] = new("单位数", "units"),
        ["cadres"] = new("干部数", "cadres"),
        ["households"] = new("农户数", "households"),
        ["visits"] = new("走访次数", "visits"),
        ["issues"] = new("反映问题数", "issues"),
        ["activities"] = new("工作记录数", "activities"),
        ["cases"] = Words.Cases,
        ["disputes"] = new("纠纷数", "disputes"),
        ["errands"] = new("代办数", "errands"),
        ["key"] = Key,
        ["keys"] = new("密钥", "keys"),
        ["purpose"] = new("用途", "purpose"),
        ["fingerprint"] = new("指纹", "fingerprint"),
        ["values"] = new("加密值数", "values"),
        ["entries"] = new("条目数", "entries"),
        ["format"] = new("格式", "format"),
        ["period"] = new("期间", "period"),
        ["cards"] = new("联系卡张数", "cards"),
        ["source"] = new("录入方式", "source"),
        ["stored"] = new("已保存", "stored"),
        ["conflicts"] = new("冲突", "conflicts"),
        ["unmasked"] = new("含完整个人信息", "unmasked"),
        ["step"] = new("调解经过", "mediation step"),
        ["referredto"] = Words.ReferredTo,
        ["agreementon"] = new("协议日期", "agreement on"),
        ["reportedon"] = new("登记日期", "reported on"),
        ["mediatorname"] = new("调解人", "mediator"),
        ["requestedon"] = new("受理日期", "requested on"),
        ["result"] = Words.ErrandResult,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["cadreid"] = "cadre",
        ["villagecode"] = "village",
        ["unitid"] = "unit",
        ["divisioncode"] = "division",
        ["politicalquality"] = "political",
        ["decoupledfromunit"] = "decoupled",
        ["homedivisioncode"] = "home",
    };

    private static readonly Dictionary<string, Term> SignInOutcomes = new(StringComparer.Ordinal)
    {
        ["ok"] = new("成功", "signed in"),
        ["refused"] = new("用户名或密码不正确", "wrong user name or password"),
        ["throttled"] = new("尝试过多，未予校验", "too many attempts, not checked"),
        ["second-factor"] = new("待两步验证", "awaiting the second step"),
        ["locked-out"] = new("账户已锁定", "locked out"),
    };

    private static readonly Dictionary<string, Term> DemoScales = new(StringComparer.Ordinal)
    {
        ["small"] = new("一个县", "one county"),
        ["city"] = new("全市", "the whole city"),
    };

    private static readonly Dictionary<string, Term> PersonalFields = new(StringComparer.Ordinal)
    {
        ["head_name"] = new("户主姓名", "head's name"),
        ["head_phone"] = new("户主电话", "head's phone"),
    };

    /// <summary>What was done: 登录 for <c>account.sign-in</c>; a case's step by the case's words.</summary>
    public static Term Action(string key)
    {
        if (Actions.TryGetValue(key, out var term))
        {
            return term;
        }
        if (key.StartsWith("case.", StringComparison.Ordinal) && Enum.TryParse<CaseAction>(key["case.".Length..], ignoreCase: true, out var step) && Enum.IsDefined(step))
        {
            var a = CaseWords.Action(step);
            return new($"事项{a.Zh}", $"case {a.En}");
        }
        return Term.Same(key);
    }

    /// <summary>Who acted: an account by its user name; Liaison itself, a villager on the public pages and a command on the server in words.</summary>
    public static Term Actor(string name) =>
        name == "system" ? new("系统", "Liaison itself")
        : name == "public" ? new("群众（公开页面）", "a villager (public pages)")
        : name.StartsWith("cli:", StringComparison.Ordinal) ? new($"服务器命令（{name[4..]}）", $"command on the server ({name[4..]})")
        : Term.Same(name);

    /// <summary>The kind of record an entry is about.</summary>
    public static Term Entity(string key) => Entities.TryGetValue(key, out var term) ? term : Term.Same(key);

    /// <summary>The kinds of record the log names, for choosing one.</summary>
    public static IReadOnlyList<string> EntityKeys { get; } = [.. Entities.Keys];

    /// <summary>The key a field is read by: lower case, an alias as its field (cadreId → cadre).</summary>
    public static string FieldKey(string name)
    {
        var key = name.ToLowerInvariant();
        return Aliases.TryGetValue(key, out var field) ? field : key;
    }

    /// <summary>A field of an entry's before or after, by its key (<see cref="FieldKey"/>).</summary>
    public static Term Field(string key) =>
        Fields.TryGetValue(FieldKey(key), out var term) ? term
        // The parts of a count by level (a call's quota by the level that sends).
        : Enum.TryParse<DispatchLevel>(key, ignoreCase: false, out var level) && Enum.IsDefined(level) ? Terms.DispatchLevels[level]
        : Term.Same(key);

    /// <summary>
    /// A value of a field in people's words where it is one of the programme's enumerations (stored
    /// as its number or its name), or null when it is shown as it is.
    /// </summary>
    public static Term? Value(string entity, string field, string text, CaseRules? rules = null) => (FieldKey(field), entity) switch
    {
        ("status", "case") => Named<CaseStatus>(text, CaseWords.Status),
        ("status", "errand") => Named<ErrandStatus>(text, CaseWords.Errand),
        ("level", "case") => Named<CaseLevel>(text, CaseWords.Level),
        ("kind", "case") => Named<CaseKind>(text, CaseWords.Kind),
        ("kind", "dispute") => Named<DisputeKind>(text, CaseWords.Dispute),
        ("kind", "errand") => Named<ErrandKind>(text, CaseWords.Errand),
        ("kind", "liaison-tie") => Named<TieKind>(text, k => Terms.TieKinds.GetValueOrDefault(k, Term.Same(text))),
        ("kind", "secretary-support") => Named<SupportKind>(text, k => Terms.SupportKinds.GetValueOrDefault(k, Term.Same(text))),
        ("origin", "liaison-tie") => Named<TieOrigin>(text, o => Terms.TieOrigins.GetValueOrDefault(o, Term.Same(text))),
        ("channel", "case") => Named<CaseChannel>(text, CaseWords.Channel),
        ("category", "case") => CaseWords.Category(rules ?? new CaseRules(), text),
        ("outcome", "dispute") => Named<DisputeOutcome>(text, CaseWords.Outcome),
        ("outcome", "account") => SignInOutcomes.TryGetValue(text, out var o) ? o : null,
        ("role", _) => Roles.TryParse(text, out var role) ? Roles.Label(role) : null,
        ("source", _) => Named<RecordSource>(text, s => FieldTerms.Sources.GetValueOrDefault(s, Term.Same(text))),
        ("fields", _) => PersonalFields.TryGetValue(text, out var f) ? f : null,
        ("scale", "demo") => DemoScales.TryGetValue(text, out var scale) ? scale : null,
        _ => null,
    };

    /// <summary>An enumeration's value from its number or name; null when it is neither.</summary>
    private static Term? Named<T>(string text, Func<T, Term> name)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? name(value) : null;
}
