using Liaison.Domain.Access;
using Liaison.Domain.Cases;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Tests;

/// <summary>The names of enumerations and keys in both languages, and the audit log's before and after as a readable difference.</summary>
public class AuditWordsTests
{
    private static string Line(AuditChange c, bool english) =>
        $"{c.Name.In(english)}: {(c.Before is { } b ? b.In(english) + " → " : "")}{(c.After ?? AuditDiff.Gone).In(english)}";

    private static List<string> Lines(string entity, string? before, string? after, bool english = false, CaseRules? rules = null) =>
        AuditDiff.Of(entity, before, after, rules).Select(c => Line(c, english)).ToList();

    [Theory]
    [InlineData("account.sign-in", "登录", "Sign in")]
    [InlineData("case.accept", "事项受理", "case accepted")]
    [InlineData("case.closenotfixed", "事项关闭未解决", "case closed not fixed")]
    [InlineData("case.autoescalate", "事项超期自动上报", "case escalated automatically")]
    [InlineData("liaison-tie.move", "调整联系安排", "tie moved")]
    [InlineData("policy.set", "设置政策", "policy set")]
    [InlineData("something.new", "something.new", "something.new")]
    [InlineData("case.nonsense", "case.nonsense", "case.nonsense")]
    public void Audit_actions_have_names_and_an_unknown_one_reads_as_its_key(string key, string zh, string en) =>
        Assert.Equal(new Term(zh, en), AuditWords.Action(key));

    [Fact]
    public void Liaison_itself_and_server_commands_act_in_words_and_accounts_by_name()
    {
        Assert.Equal("系统", AuditWords.Actor("system").Zh);
        Assert.Equal("服务器命令（root）", AuditWords.Actor("cli:root").Zh);
        Assert.Equal("群众（公开页面）", AuditWords.Actor("public").Zh);
        Assert.Equal(Term.Same("office"), AuditWords.Actor("office"));
    }

    [Fact]
    public void Every_kind_of_record_the_log_names_has_a_chinese_name()
    {
        foreach (var key in AuditWords.EntityKeys)
        {
            Assert.True(AuditWords.Entity(key).Zh.Any(c => c >= '\u3000'), key);
        }
        Assert.Equal(Term.Same("gadget"), AuditWords.Entity("gadget"));
    }

    [Fact]
    public void Every_enumeration_of_cases_has_a_chinese_name()
    {
        void Named<T>(Func<T, Term> name)
            where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.True(name(value).Zh.Any(c => c >= '\u3000'), $"{typeof(T).Name}.{value}");
            }
        }
        Named<CaseKind>(CaseWords.Kind);
        Named<CaseChannel>(CaseWords.Channel);
        Named<CaseStatus>(CaseWords.Status);
        Named<CaseAction>(CaseWords.Action);
        Named<CaseLevel>(CaseWords.Level);
        Named<DisputeKind>(CaseWords.Dispute);
        Named<DisputeOutcome>(CaseWords.Outcome);
        Named<ErrandKind>(CaseWords.Errand);
        Named<ErrandStatus>(CaseWords.Errand);
        Named<Role>(Roles.Label);
        Named<Field.FlagKind>(FieldTerms.Flag);
        // Out of range: the value itself, never an exception.
        Assert.Equal("99", CaseWords.Dispute((DisputeKind)99).Zh);
    }

    [Fact]
    public void A_category_is_named_by_the_policy_then_by_the_default_policy_then_by_its_code()
    {
        var rules = new CaseRules { Categories = [new() { Code = "water", Name = "饮水安全", EnglishName = "drinking water" }, new() { Code = "roads", Name = "道路" }] };
        Assert.Equal(new Term("饮水安全", "drinking water"), CaseWords.Category(rules, "water"));
        Assert.Equal(new Term("道路", "道路"), CaseWords.Category(rules, "roads"));
        Assert.Equal("村容环境", CaseWords.Category(rules, "environment").Zh);
        Assert.Equal(Term.Same("mystery"), CaseWords.Category(rules, "mystery"));
    }

    [Fact]
    public void Roles_are_named_from_their_keys()
    {
        Assert.Equal("单位管理员", Roles.Label("unit-admin").Zh);
        Assert.Equal("系统管理员", Roles.Label(Role.Admin).Zh);
        Assert.Equal(Term.Same("janitor"), Roles.Label("janitor"));
    }

    [Fact]
    public void A_case_step_shows_the_changed_fields_by_name_and_value_and_leaves_out_the_unchanged()
    {
        var before = """{"status":1}""";
        var after = """{"status":2,"Level":1,"HolderDivision":"370830001001","HolderUnitId":null,"note":"已受理"}""";
        Assert.Equal(["状态: 已收到 → 已受理", "层级: — → 村工作组", "办理区划: — → 370830001001", "说明: — → 已受理"], Lines("case", before, after));
        Assert.Equal("Status: received → accepted", Lines("case", before, after, english: true)[0]);

        // The same before and after: nothing changed.
        Assert.Empty(AuditDiff.Of("case", after, after));
    }

    [Fact]
    public void A_record_made_lists_what_it_was_made_with_and_names_its_enumerations()
    {
        var after = """{"Kind":3,"Category":"livelihood","Channel":2,"CadreId":null,"VisitIssueId":null}""";
        Assert.Equal(["类型: 求助", "类别: 民生保障（低保、医保、养老）", "来源: 民情联系卡"], Lines("case", null, after));
        Assert.Equal(["Kind: request for help", "Category: livelihood (benefits, health, pensions)", "Channel: contact card"], Lines("case", null, after, english: true));

        Assert.Equal(["类型: 邻里纠纷", "登记日期: 2026-03-02", "调解人: 王**"], Lines("dispute", null, """{"Kind":1,"ReportedOn":"2026-03-02","MediatorName":"王**"}"""));
        Assert.Equal(["状态: 已办成", "办理结果: 已办好"], Lines("errand", null, """{"Status":1,"Result":"已办好"}"""));
    }

    [Fact]
    public void A_sign_in_a_reveal_and_a_tie_read_in_words()
    {
        Assert.Equal(["结果: 成功", "IP 地址: 127.0.0.1"], Lines("account", null, """{"outcome":"ok","ip":"127.0.0.1"}"""));
        Assert.Equal(["角色: 单位管理员", "已停用: 否"], Lines("account", null, """{"role":"unit-admin","disabled":false}"""));
        Assert.Equal(["规模: 一个县"], Lines("demo", null, """{"scale":"small"}"""));
        Assert.Equal(["字段: 户主姓名、户主电话"], Lines("household", null, """{"fields":["head_name","head_phone"]}"""));

        // A tie's after wraps the tie: compared field by field with the before.
        var before = """{"id":7,"kind":"ContactPoint","cadreId":3,"division":"370830001","origin":"Planner","locked":false}""";
        var after = """{"tie":{"id":7,"kind":"ContactPoint","cadreId":3,"division":"370830002","origin":"Manual","locked":false},"reason":"调整"}""";
        Assert.Equal(["区划: 370830001 → 370830002", "来源: 计划编制 → 手工", "理由: — → 调整"], Lines("liaison-tie", before, after));
    }

    [Fact]
    public void Aliases_meet_removed_fields_show_as_gone_and_long_lists_are_shortened()
    {
        // A posting's before says cadreId, its after cadre: one field.
        Assert.Equal(["干部: 3 → 4", "编号: 9 → —"], Lines("secretary-posting", """{"Id":9,"CadreId":3}""", """{"cadre":4}"""));
        Assert.Equal(["已保存: 1、2、3、4、5 等 7 项"], Lines("visit", null, """{"stored":[1,2,3,4,5,6,7],"conflicts":[]}"""));
        Assert.Equal(["结束: 2 项"], Lines("liaison-plan", null, """{"ended":[{"id":1},{"id":2}]}"""));
    }

    [Fact]
    public void A_document_stored_as_text_is_compared_field_by_field_and_a_moment_reads_in_china_time()
    {
        var before = "\"{\\\"year\\\":2026,\\\"cases\\\":{\\\"maxBounces\\\":3}}\"";
        var after = "\"{\\\"year\\\":2026,\\\"cases\\\":{\\\"maxBounces\\\":4}}\"";
        Assert.Equal(["群众诉求 · maxBounces: 3 → 4"], Lines("policy", before, after));
        Assert.Equal(["到期: 2026-12-03 08:00:00"], Lines("api-token", null, """{"expires":"2026-12-03T00:00:00+00:00"}"""));
        // Not JSON at all: shown as it is, never an exception.
        Assert.Equal(["数值: not json"], Lines("x", null, "not json"));
    }
}
