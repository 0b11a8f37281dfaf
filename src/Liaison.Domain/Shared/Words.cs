namespace Liaison.Domain.Shared;

/// <summary>
/// The interface's words used in more than one place — headings, columns, buttons, menu entries,
/// shared refusals — each once, in both languages (decision 0018). A page shows one with
/// <c>Ui.T(Words.Village)</c>, a command with <c>run.Say(Words.Village)</c>. Text used in one place
/// only stays beside its use as a pair (<c>Ui.T("…", "…")</c>); the moment it is needed a second
/// time it moves here (<c>TextTests</c> fails on a pair written twice, or written out when it is here).
/// The programme's enumerated values have their words in <see cref="Terms"/>.
/// </summary>
public static class Words
{
    public static Term AccountSecurity { get; } = new("账户安全", "Account security");
    public static Term Action { get; } = new("操作", "Action");
    public static Term Administrator { get; } = new("系统管理员", "administrator");
    public static Term All { get; } = new("全部", "All");
    public static Term Amount { get; } = new("数量", "Amount");
    public static Term AuditLog { get; } = new("审计日志", "Audit log");
    public static Term BackToCases { get; } = new("← 群众诉求", "← Cases");
    public static Term Cadre { get; } = new("干部", "Cadre");
    public static Term Call { get; } = new("选派", "Call");
    public static Term Cancel { get; } = new("取消", "Cancel");
    public static Term Cases { get; } = new("群众诉求", "Cases");
    public static Term Category { get; } = new("类别", "Category");
    public static Term CategoryKind { get; } = new("类别", "Kind");
    public static Term ChangePassword { get; } = new("修改密码", "Change password");
    public static Term Channel { get; } = new("来源", "Channel");
    public static Term Code { get; } = new("代码", "Code");
    public static Term Coordination { get; } = new("协调能力", "Coordination");
    public static Term Date { get; } = new("日期", "Date");
    public static Term Days { get; } = new("天", "days");
    public static Term Definition { get; } = new("说明", "Definition");
    public static Term Demo { get; } = new("演示数据", "demo");
    public static Term Description { get; } = new("内容", "Description");
    public static Term Details { get; } = new("详情", "Details");
    public static Term Disabled { get; } = new("已停用", "disabled");
    public static Term DisputesAndErrands { get; } = new("矛盾纠纷与民生代办", "Disputes and errands");
    public static Term Division { get; } = new("区划", "Division");
    public static Term DivisionCode { get; } = new("行政区划代码", "Division code");
    public static Term Divisions { get; } = new("行政区划", "Divisions");
    public static Term Done { get; } = new("已办成", "done");
    public static Term Due { get; } = new("时限", "Due");
    public static Term Ended { get; } = new("结束：", "ended: ");
    public static Term ErrandResult { get; } = new("办理结果", "result");
    public static Term Explanation { get; } = new("说明", "Description");
    public static Term FieldVisits { get; } = new("驻村走访", "Field work");
    public static Term FieldWork { get; } = new("走访进度", "Field work");
    public static Term Filter { get; } = new("筛选", "Filter");
    public static Term FirstSecretaries { get; } = new("第一书记", "First Secretaries");
    public static Term FirstSecretary { get; } = new("第一书记", "First Secretary");
    public static Term FirstSecretaryActivity { get; } = new("第一书记工作记录", "First Secretary activity");
    public static Term From { get; } = new("从", "From");
    public static Term HeadsTheVillageWorkGroup { get; } = new("任驻村工作组组长", "Heads the village work group");
    public static Term Home { get; } = new("首页", "Home");
    public static Term HomeTownshipAvoided { get; } = new("不允许：回避本人家乡所在乡镇。", "Not allowed: the cadre's home township is avoided.");
    public static Term Innovation { get; } = new("创新能力", "Innovation");
    public static Term Item { get; } = new("项目", "Item");
    public static Term Kind { get; } = new("类型", "Kind");
    public static Term LeadersContactPoints { get; } = new("领导干部联系点公示", "Leaders' contact points");
    public static Term Level { get; } = new("层级", "Level");
    public static Term LiaisonPlan { get; } = new("联系计划", "Liaison plan");
    public static Term List { get; } = new("名单", "list");
    public static Term ListSeparator { get; } = new("、", ", ");
    public static Term MassWork { get; } = new("热爱群众工作", "Mass work");
    public static Term Mediated { get; } = new("调解成功", "mediated");
    public static Term Name { get; } = new("名称", "Name");
    public static Term No { get; } = new("否", "no");
    public static Term NoDivisionsYet { get; } = new("还没有行政区划。行政区划由系统管理员导入。", "No divisions yet. The administrator imports them.");
    public static Term NotAllowed { get; } = new("无权访问", "Not allowed");
    public static Term NotDone { get; } = new("未办成", "not done");
    public static Term Other { get; } = new("其他", "other");
    public static Term OthersCannotBePlaced { get; } = new("改派该村后，其他人选无法全部安排。", "With the cadre there, the others cannot all be placed.");
    public static Term Outcome { get; } = new("结果", "Outcome");
    public static Term Parties { get; } = new("当事人", "Parties");
    public static Term Password { get; } = new("密码", "Password");
    public static Term Person { get; } = new("操作人", "Person");
    public static Term PlanCheck { get; } = new("联系计划检查", "Plan check");
    public static Term PlausibilityFlags { get; } = new("合理性提示", "Plausibility flags");
    public static Term Political { get; } = new("政治素质", "Political");
    public static Term ProductName { get; } = new("驻村联系服务平台", "Liaison");
    public static Term Quota { get; } = new("名额", "quota");
    public static Term Reason { get; } = new("理由", "Reason");
    public static Term Record { get; } = new("记录", "Record");
    public static Term RecordId { get; } = new("对象编号", "Record id");
    public static Term ReferredTo { get; } = new("转往", "referred to");
    public static Term Register { get; } = new("登记", "Record");
    public static Term Registries { get; } = new("名册管理", "Registries");
    public static Term Report { get; } = new("工作报表", "Report");
    public static Term ResidenceDays { get; } = new("驻村天数", "Residence days");
    public static Term Satisfaction { get; } = new("满意度", "Satisfaction");
    public static Term Save { get; } = new("保存", "Save");
    public static Term Saved { get; } = new("已保存。", "Saved.");
    public static Term NothingFound { get; } = new("没有找到", "Nothing found");
    public static Term Portal { get; } = new("门户首页", "Portal");
    public static Term YourVillage { get; } = new("您的村（社区）", "Your village");
    public static Term ReportProblem { get; } = new("反映问题", "Report a problem");
    public static Term Next { get; } = new("下一步", "Next");
    public static Term AddTie { get; } = new("新增联系安排", "Add a tie");
    public static Term Motto { get; } = new("驻村联系服务平台 · 机关干部直接联系服务群众", "Liaison · cadres serving villagers directly");
    public static Term SkipToContent { get; } = new("跳到正文", "Skip to content");
    public static Term Search { get; } = new("搜索", "Search");
    public static Term SecondStep { get; } = new("两步验证", "Second step");
    public static Term SentBy { get; } = new("选派", "Sent by");
    public static Term SignIn { get; } = new("登录", "Sign in");
    public static Term SinceUntil { get; } = new("起止", "Since – until");
    public static Term Status { get; } = new("状态", "Status");
    public static Term Steps { get; } = new("办理经过", "Steps");
    public static Term TieMode { get; } = new("方式", "Kind");
    public static Term To { get; } = new("到", "To");
    public static Term TookUpThePost { get; } = new("任职日期", "Took up the post");
    public static Term Total { get; } = new("合计", "Total");
    public static Term Overdue { get; } = new("已超期", "Overdue");
    public static Term TypePersonName { get; } = new("输入姓名、干部编号或单位", "Type a name, staff number or unit");
    public static Term TypePlaceName { get; } = new("输入区划名称或代码", "Type a division name or code");
    public static Term TypeVillageName { get; } = new("输入村名或代码", "Type a village name or code");
    public static Term TrackingCode { get; } = new("查询码", "Tracking code");
    public static Term Unit { get; } = new("单位", "Unit");
    public static Term Unresolved { get; } = new("未化解", "unresolved");
    public static Term Value { get; } = new("数值", "Value");
    public static Term VerificationCode { get; } = new("验证码", "Code");
    public static Term View { get; } = new("查看", "View");
    public static Term Village { get; } = new("村", "Village");
    public static Term VillageCode { get; } = new("村代码", "Village code");
    public static Term VisitRate { get; } = new("走访率", "Visit rate");
    public static Term Year { get; } = new("年度", "Year");
    public static Term Yes { get; } = new("是", "yes");
}
