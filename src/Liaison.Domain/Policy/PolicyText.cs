using Liaison.Domain.People;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Policy;

/// <summary>A section of the policy in words.</summary>
public sealed record PolicySection(string Heading, IReadOnlyList<string> Lines);

/// <summary>The policy as people read it: the same numbers as the document, in sentences, in either language.</summary>
public static class PolicyText
{
    private static PolicySection Supervision(SupervisionRules s, bool en) =>
        new(en ? "Supervision (督查)" : "督查",
        [
            en ? $"Visits are verified by telephone on a random sample sized for ±{Percent(s.Margin)} at {Percent(s.Confidence)} confidence among the households reached ({Percent(s.ExpectedReach)} expected); a cadre or village whose unconfirmed share is above the rest's at α = {s.Alpha.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} (Fisher's exact test, {(s.Correction == Liaison.Domain.Supervision.Correction.Holm ? "Holm's correction" : "Benjamini–Hochberg's correction of the false discovery rate")}) is flagged for inspection."
               : $"入户走访以电话随机抽样核实，样本量按接通户 {Percent(s.Confidence)} 置信度、误差 ±{Percent(s.Margin)} 确定（预计接通 {Percent(s.ExpectedReach)}）；未获证实比例显著高于其余的干部或村（Fisher 精确检验，{(s.Correction == Liaison.Domain.Supervision.Correction.Holm ? "Holm 校正" : "Benjamini–Hochberg 错误发现率校正")}，α = {s.Alpha.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}）列入暗访对象。",
            en ? $"Findings: {string.Join("; ", s.FindingKinds.Select(k => (k.EnglishName.Length > 0 ? k.EnglishName : k.Name) + (k.Criticism ? $" (may be criticised publicly, signed off by the {k.SignOff})" : "")))}."
               : $"问题类别：{string.Join("；", s.FindingKinds.Select(k => k.Name + (k.Criticism ? $"（可通报批评，由{(k.SignOff == "city" ? "市" : "县")}级审签）" : "")))}。",
            en ? $"Rectification within {s.RectificationDays} working days unless the notice says otherwise; notices {(s.PublishNotices ? "are" : "are not")} published on the public pages."
               : $"限期整改一般为 {s.RectificationDays} 个工作日；通报{(s.PublishNotices ? "同时在公开页面发布" : "不在公开页面发布")}。",
        ]);

    private static PolicySection Assessment(AssessmentRules a, SupervisionRules sup, bool en)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string Num(double x) => x.ToString("0.##", inv);
        string Kind(string code) => sup.Find(code) is { } k ? (en && k.EnglishName.Length > 0 ? k.EnglishName : k.Name) : code;
        var lines = a.Schemes.Select(s =>
        {
            var group = Liaison.Domain.Assessment.AssessmentGroups.Name(s.Group);
            var parts = string.Join(en ? "; " : "、", s.Components.Where(c => c.Weight > 0).Select(c => $"{(en ? Liaison.Domain.Assessment.AssessmentComponents.Name(c.Code).En : Liaison.Domain.Assessment.AssessmentComponents.Name(c.Code).Zh)} {Num(c.Weight)}"));
            var bands = string.Join(en ? ", " : "、", s.Bands.Select(b => $"{(en && b.EnglishName.Length > 0 ? b.EnglishName : b.Name)} ≥ {Num(b.AtLeast)}"));
            var veto = s.VetoFindings.Count == 0 ? "" : en ? $"; vetoed to the last grade by: {string.Join(", ", s.VetoFindings.Select(Kind))}" : $"；{string.Join("、", s.VetoFindings.Select(Kind))}一票否决，定为最低等次";
            return en ? $"{group.En}: {parts} (points of 100; a part that does not apply is left out and the rest scaled to 100). Grades {bands}; the top grade for at most {Percent(s.TopShare)} of those assessed{veto}."
                      : $"{group.Zh}：{parts}（满分 100；不适用的项目不计，其余按比例折算为 100）。等次：{bands}；最高等次不超过参加考核人数的 {Percent(s.TopShare)}{veto}。";
        }).ToList();
        lines.Add(en ? $"Supervision deducts {Num(a.FindingDeduction)} points per point of a finding's severity and {Num(a.UnconfirmedDeduction)} per visit the calls did not confirm; an office may adjust a score by at most {Num(a.MaxAdjustment)} points with a written reason; a person assessed may appeal within {a.AppealDays} days of publication."
                     : $"督查结果每级严重程度的问题扣 {Num(a.FindingDeduction)} 分、电话核实未证实的走访每户次扣 {Num(a.UnconfirmedDeduction)} 分；考核办公室调整分数不超过 {Num(a.MaxAdjustment)} 分，须写明理由；被考核人可在结果公布后 {a.AppealDays} 天内申诉。");
        lines.Add(en ? $"The masses' evaluation counts with {a.Masses.MinimumRatings} ratings or more; one address may submit {a.Masses.PerAddressPerHour} an hour. Observation items: {string.Join(", ", a.ObservationItems.Select(i => i.EnglishName.Length > 0 ? i.EnglishName : i.Name))}."
                     : $"群众评议有 {a.Masses.MinimumRatings} 份及以上评议时计分；同一网络地址每小时最多提交 {a.Masses.PerAddressPerHour} 份。现场观摩评分项：{string.Join("、", a.ObservationItems.Select(i => i.Name))}。");
        return new(en ? "Year-end assessment (年度考核)" : "年度考核", lines);
    }

    private static string Percent(double share) => (share * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>What taking part asks of a cadre in the year, in a sentence (the policy page, a unit's participation list).</summary>
    public static string TakingPart(ParticipationRules rules, bool en) => (rules.MinimumVisits, rules.MinimumDays) switch
    {
        (0, 0) => en ? "A cadre takes part with at least one household visit or one day in a village in the year."
                     : "干部本年度至少入户走访一次或驻村一天，即为参与。",
        var (v, d) => en
            ? "A cadre takes part with " + string.Join(" and ", new[] { v > 0 ? $"at least {v} household visits" : null, d > 0 ? $"at least {d} days in villages" : null }.OfType<string>()) + " in the year."
            : "干部本年度" + string.Join("且", new[] { v > 0 ? $"入户走访不少于 {v} 次" : null, d > 0 ? $"驻村不少于 {d} 天" : null }.OfType<string>()) + "，即为参与。",
    };

    public static IReadOnlyList<PolicySection> Describe(ProgrammePolicy p, bool en)
    {
        var c = p.ContactPoints;
        string Levels(IEnumerable<UnitLevel> levels) => string.Join(en ? " and " : "、", levels.Select(l => l switch
        {
            UnitLevel.City => en ? "city" : "市直",
            UnitLevel.County => en ? "county" : "县直",
            _ => en ? "township" : "乡镇",
        }));
        string Quota(LeaderQuota q, Term who)
        {
            var parts = new List<string>();
            if (q.Counties > 0) parts.Add(en ? $"{q.Counties} county" : $"{q.Counties} 个县市区");
            if (q.Townships > 0) parts.Add(en ? $"{q.Townships} township" : $"{q.Townships} 个乡镇");
            if (q.Villages > 0) parts.Add(en ? $"{q.Villages} village" : $"{q.Villages} 个村");
            var links = parts.Count == 0 ? (en ? "no contact point" : "不设联系点") : string.Join(en ? ", " : "、", parts);
            var within = q.WithinOwnDivision ? (en ? ", within the division of the leader's unit" : "，均在本人单位所在行政区划内") : "";
            var days = q.MinResidenceDays > 0 ? (en ? $"; lives in the village at least {q.MinResidenceDays} days a year" : $"；每年在联系村驻村不少于 {q.MinResidenceDays} 天") : "";
            return en ? $"Each {who.En} links {links}{within}{days}." : $"每名{who.Zh}联系{links}{within}{days}。";
        }
        var b = p.Backward;
        var rounding = b.Rounding switch
        {
            ShareRounding.Up => en ? "rounded up" : "向上取整",
            ShareRounding.Down => en ? "rounded down" : "向下取整",
            _ => en ? "rounded to nearest" : "四舍五入",
        };
        var w = b.Ranking;
        return
        [
            new(en ? "Leader contact points (联系点)" : "领导班子成员联系点",
            [
                Quota(c.CityLeader, Terms.Ranks[CadreRank.CityLeader]),
                Quota(c.CountyLeader, Terms.Ranks[CadreRank.CountyLeader]),
                Quota(c.UnitLeader, new Term(Levels(c.UnitLevels) + "部门单位领导班子成员", Levels(c.UnitLevels) + " unit leader")),
                c.Nested ? (en ? "A leader's township lies in the leader's county, the village in the township." : "联系的乡镇在联系的县市区内，联系的村在联系的乡镇内。") : (en ? "Contact points need not nest." : "联系点不要求层层对应。"),
                en ? $"Residence days are planned as concentrated stays of at most {c.StayLengthDays} days." : $"驻村天数按每次不超过 {c.StayLengthDays} 天集中安排。",
            ]),
            new(en ? "Unit party-organisation pairing (联建村)" : "机关党组织联建村",
            [
                en ? $"Each {Levels(p.Pairing.UnitLevels)} unit's party organisation pairs with {p.Pairing.VillagesPerUnit} village{(p.Pairing.WithinOwnDivision ? " within the unit's division" : "")}."
                   : $"每个{Levels(p.Pairing.UnitLevels)}单位机关党组织联建 {p.Pairing.VillagesPerUnit} 个村{(p.Pairing.WithinOwnDivision ? "（在单位所在行政区划内）" : "")}。",
                en ? $"Every half-year the unit's members stay in the village together {p.Pairing.StaysPerHalfYear} time(s), {p.Pairing.StayDays} days each."
                   : $"每半年组织党员集中驻村 {p.Pairing.StaysPerHalfYear} 次，每次 {p.Pairing.StayDays} 天。",
                p.Pairing.MembersTakePart
                    ? (en ? "Every cadre of a paired unit takes part in its village: they record their stays and household visits there themselves."
                          : "联建单位的全体干部参与联建村工作，可在联建村自行记录驻村和入户走访。")
                    : (en ? "Only cadres with a tie of their own record field work in the paired village." : "联建村的驻村和走访仅由有个人联系任务的干部记录。"),
                p.Pairing.MatchCategory
                    ? (en ? "Villages are matched to the unit's strengths: party & government to difficult, political-legal to disorderly, economic to poor, agriculture & science to specialised villages."
                          : "按单位优势与村情相匹配：党政部门对难村，政法部门对乱村，经济部门对穷村，农科部门对专业村。")
                    : (en ? "Villages are not matched by unit category." : "不按单位类别匹配村。"),
            ]),
            new(en ? "Everyone takes part (全员参与)" : "全员参与",
            [
                p.Participation.UnitLevels.Count == 0
                    ? (en ? "No unit's cadres are counted as expected to take part." : "不统计应参与干部。")
                    : en ? $"Every active cadre of {Levels(p.Participation.UnitLevels)} units is expected to take part."
                         : $"{Levels(p.Participation.UnitLevels)}单位的全体在职干部均应参与。",
                TakingPart(p.Participation, en),
            ]),
            new(en ? "Backward villages (倒排后进村)" : "乡镇班子成员包保后进村",
            [
                en ? $"In each township the bottom {Percent(b.Share)} of villages ({rounding}{(b.AtLeastOne ? ", at least one" : "")}) are backward villages{(b.IncludeCommunities ? "; communities count as villages" : "")}."
                   : $"每个乡镇按 {Percent(b.Share)} 的比例倒排后进村（{rounding}{(b.AtLeastOne ? "，至少 1 个" : "")}）{(b.IncludeCommunities ? "，社区与村同样参与排名" : "")}。",
                en ? $"Each township leader takes {b.VillagesPerTownshipLeader} village, the backward ones first; every backward village has a leader."
                   : $"每名乡镇党政班子成员包保 {b.VillagesPerTownshipLeader} 个村，先包保后进村，每个后进村都有人包保。",
                en ? $"Ranking points: backward party organisation {w.BackwardOrganisation}, general {w.GeneralOrganisation}, not graded {w.UngradedOrganisation}; difficult {w.Difficult}, disorderly {w.Disorderly}, poor {w.Poor}, specialised {w.Specialised}. Most points rank lowest."
                   : $"排名计分：党组织后进 {w.BackwardOrganisation}、一般 {w.GeneralOrganisation}、未定级 {w.UngradedOrganisation}；难村 {w.Difficult}、乱村 {w.Disorderly}、穷村 {w.Poor}、专业村 {w.Specialised}。得分越高排名越靠后。",
            ]),
            new(en ? "Police liaison (民警联村)" : "公安民警联村",
            [
                en ? $"Each police officer links {p.Police.VillagesPerOfficer} village{(p.Police.WithinOwnDivision ? " within the division of the officer's unit, near the station" : "")}."
                   : $"每名民警直接联系 {p.Police.VillagesPerOfficer} 个村{(p.Police.WithinOwnDivision ? "，在所在单位辖区内就近联系" : "")}。",
            ]),
            new(en ? "Coverage (全覆盖)" : "全覆盖",
            [
                en ? $"Every village{(p.Coverage.IncludeCommunities ? " and community" : "")} has at least {p.Coverage.MinimumPerVillage} tied cadre{(p.Coverage.FillWithStationedCadres ? "; gaps are filled with stationed cadres from the township's, county's or city's units" : "")}."
                   : $"每个村{(p.Coverage.IncludeCommunities ? "（社区）" : "")}至少有 {p.Coverage.MinimumPerVillage} 名干部驻村{(p.Coverage.FillWithStationedCadres ? "；空缺由乡镇、县、市单位派驻干部补齐" : "")}。",
            ]),
            FirstSecretaries(p.FirstSecretaries, en),
            Cases(p.Cases, en),
            Deeds(p.Deeds, en),
            new(en ? "Grading village party organisations (分类定级)" : "村党组织分类定级",
            [
                en ? $"Each year every township grades its village party organisations against: {string.Join("; ", p.Grading.Criteria.Select(c => c.EnglishName.Length > 0 ? c.EnglishName : c.Name))}. {p.Grading.AdvancedAtLeast} or more met suggest advanced, {p.Grading.BackwardAtMost} or fewer backward, the rest general; another grade needs its reason. The county confirms the round; the grades count for the next year's plan. Each backward organisation gets a rectification plan, and a general one may get upgrade targets; the next grading judges them."
                   : $"每年各乡镇对照以下标准为村党组织分类定级：{string.Join("；", p.Grading.Criteria.Select(c => c.Name))}。达到 {p.Grading.AdvancedAtLeast} 项及以上的建议定为先进，{p.Grading.BackwardAtMost} 项及以下的建议定为后进，其余为一般；定级与建议不同的须说明理由。县里确认后生效，作为下一年度联系计划的依据。后进村党组织制定整顿方案，一般村党组织可定晋位升级目标，下一次定级时评定。",
            ]),
            new(en ? "Target-responsibility agreements (目标责任书)" : "年度目标责任书",
            [
                en ? $"Each First Secretary signs one a year with the township committee{(p.Agreements.ForPairings ? ", and so does each unit's pairing" : "")}: targets in {string.Join(", ", p.Agreements.Areas.Select(a => a.EnglishName.Length > 0 ? a.EnglishName : a.Name))}, each with a measure, a value and a date; drafted by the township office, agreed by the First Secretary (or the unit), then signed; a signed agreement changes only by an amendment with its reason."
                   : $"第一书记{(p.Agreements.ForPairings ? "和机关党组织联建单位" : "")}每年与乡镇党委签订目标责任书：目标分{string.Join("、", p.Agreements.Areas.Select(a => a.Name))}，每项写明衡量办法、目标值和完成时限；由乡镇驻村办起草，第一书记（或联建单位）确认后签订；签订后只能附理由修订。",
            ]),
            Supervision(p.Supervision, en),
            Assessment(p.Assessment, p.Supervision, en),
            Ranks(p.RankMapping, en),
            new(en ? "The report (工作报表)" : "工作报表",
            [
                en ? $"Villages with a visit rate below {Percent(p.Reporting.VisitRateTarget)} are listed as lagging."
                   : $"走访率低于 {Percent(p.Reporting.VisitRateTarget)} 的村列入落后名单。",
                en ? $"Disclosed to the public: {string.Join(", ", p.Reporting.PublicIndicators.Select(id => Reporting.Indicators.Find(id)?.NameEn ?? id))}."
                   : $"向社会公开：{string.Join("、", p.Reporting.PublicIndicators.Select(id => Reporting.Indicators.Find(id)?.NameZh ?? id))}。",
            ]),
            new(en ? "Edits and publication" : "调整与公开",
            [
                p.Edits.OnViolation == EditViolationHandling.Refuse
                    ? (en ? "A hand edit that breaks a rule is refused." : "违反规则的手工调整不予保存。")
                    : (en ? "A hand edit that breaks a rule is saved, and the violation is shown and listed by the check." : "违反规则的手工调整予以保存，并提示和列入检查结果。"),
                p.Public.Telephone.Length == 0
                    ? (en ? "Leaders' contact points are published for public supervision; no supervision telephone is set, so none is published." : "领导干部联系点向社会公开，接受群众监督；监督电话未设置，不公布。")
                    : en ? $"Leaders' contact points are published for public supervision; supervision telephone {p.Public.Telephone}." : $"领导干部联系点向社会公开，接受群众监督；监督电话 {p.Public.Telephone}。",
            ]),
        ];
    }

    private static PolicySection Cases(CaseRules c, bool en)
    {
        var d = c.Deadlines;
        var categories = string.Join(en ? ", " : "、", c.Categories.Select(x => en && x.EnglishName.Length > 0 ? x.EnglishName : x.Name));
        return new(en ? "The masses' cases (群众诉求)" : "群众反映问题办理",
        [
            en ? $"Categories: {categories}." : $"问题类别：{categories}。",
            en ? $"Deadlines in working days: village work group {d.Village}, township {d.Township}, county {d.County}, city {d.City}; past its deadline a case goes up one level by itself."
               : $"办理时限（工作日）：村工作组 {d.Village}、乡镇 {d.Township}、县 {d.County}、市 {d.City}；超过时限自动上报上一级。",
            en ? $"A case passed between units more than {c.MaxBounces} times at one level goes up. Closing or escalating needs a reply to the person."
               : $"同一层级交办超过 {c.MaxBounces} 次的自动上报。办结或上报须答复群众。",
            en ? $"Holidays: {c.Holidays.Count} days; weekend days worked in exchange: {c.WorkedWeekendDays.Count}. The public form takes at most {c.PublicIntakePerHour} cases an hour from one address."
               : $"节假日 {c.Holidays.Count} 天，调休工作日 {c.WorkedWeekendDays.Count} 天。公开表单同一地址每小时最多受理 {c.PublicIntakePerHour} 件。",
        ]);
    }

    /// <summary>The deeds' kinds, works first and the services after, each with its quantities and units.</summary>
    private static PolicySection Deeds(DeedRules d, bool en)
    {
        string Name(string zh, string english) => en && english.Length > 0 ? english : zh;
        string Line(DeedKind k) => en
            ? $"{Name(k.Name, k.EnglishName)}: {string.Join(", ", k.Quantities.Select(q => $"{Name(q.Name, q.EnglishName)} ({DeedUnits.Word(q.Unit).En})"))}."
            : $"{k.Name}：{string.Join("、", k.Quantities.Select(q => $"{q.Name}（{DeedUnits.Word(q.Unit).Zh}）"))}。";
        return new(en ? "Practical deeds (实事好事) and party-building outputs" : "实事好事和党建成果", [.. d.Kinds.OrderBy(k => k.Party).ThenBy(k => k.Service).Select(Line)]);
    }

    /// <summary>The roster's grades and the roles they mean, grouped by what they mean at each level.</summary>
    private static PolicySection Ranks(RankMapping m, bool en)
    {
        string Role(CadreRank? r) => r is { } v ? Terms.Ranks[v].In(en) : (en ? "not said" : "不确定");
        string Means(GradeRule g) => en
            ? $"city unit {Role(g.City)}, county unit {Role(g.County)}, township unit {Role(g.Township)}{(g.ByPost ? "; a leadership post decides" : "")}"
            : $"市级单位{Role(g.City)}，县级单位{Role(g.County)}，乡镇单位{Role(g.Township)}{(g.ByPost ? "；按职务确定是否为领导班子成员" : "")}";
        var lines = m.Grades.GroupBy(Means)
            .Select(g => en
                ? $"{string.Join(", ", g.Select(x => x.Grade))}: {g.Key}."
                : $"{string.Join("、", g.Select(x => x.Grade))}：{g.Key}。")
            .ToList();
        lines.Add(en ? "A grade whose role is not said is refused at import with the choices; the roster gives the programme role or the post."
                     : "不能确定角色的职级在导入时被拒绝并列出可选角色，请在花名册中填写项目角色或职务。");
        return new(en ? "Grades and programme roles (职级与项目角色)" : "职级与项目角色", lines);
    }

    private static PolicySection FirstSecretaries(FirstSecretaryRules f, bool en)
    {
        var grades = string.Join(en ? ", " : "、", f.NeedGrades.Select(g => Terms.Grades[g].In(en)));
        var types = string.Join(en ? ", " : "、", f.NeedTypes.Select(t => Terms.VillageTypes[t].In(en)));
        var e = f.Eligibility;
        var ranks = string.Join(en ? ", " : "、", e.Ranks.Select(r => Terms.Ranks[r].In(en)));
        var w = f.Weights;
        var lines = new List<string>
        {
            !f.QuotasSet
                ? (en ? "First Secretary quotas are not set: no call opens until the office sets how many the city, the counties and the townships send."
                      : "第一书记名额未设置：设置市级、县级、乡镇级选派名额之前不开启选派。")
                : en ? $"Each year the city sends {f.CityQuota}, the counties {f.CountyQuota} and the townships {f.TownshipQuota} First Secretaries, each level within its own jurisdiction."
                     : $"每年市级选派 {f.CityQuota} 名、县级 {f.CountyQuota} 名、乡镇级 {f.TownshipQuota} 名第一书记，各在本级辖区内派驻。",
            en ? $"A village needs one when its party organisation is graded {grades}, or it is {types}."
               : $"党组织定级为{grades}的村，以及{types}，需要选派第一书记。",
            en ? $"Eligible: {ranks}{(e.MaxAge > 0 ? $", at most {e.MaxAge} years old in the year" : "")}{(e.SkipServedLastYear ? ", not First Secretary the year before" : "")}."
               : $"选派条件：{ranks}{(e.MaxAge > 0 ? $"，当年不超过 {e.MaxAge} 岁" : "")}{(e.SkipServedLastYear ? "，上一年度未任第一书记" : "")}。",
            f.PreferReserveAndNewlyPromoted
                ? (en ? "Reserve cadres and newly promoted leaders without grassroots experience are selected first, then by the panel's total on political quality, innovation, love of mass work and coordination."
                      : "优先选派后备干部和新提拔无基层工作经历的干部，再按政治素质、创新能力、热爱群众工作、协调能力四项评分择优。")
                : (en ? "Selection follows the panel's total on the four criteria." : "按四项评分合计择优选派。"),
            f.AvoidHomeTownship ? (en ? "Nobody is sent to the township of their home village." : "不派往本人家乡所在乡镇（回避）。") : (en ? "No home avoidance." : "不设家乡回避。"),
            en ? $"The match is optimal over these costs: unit category not fitting the village {w.CategoryMismatch} (other categories {w.OtherCategory}), {w.PerNeedPoint} per need point short of the neediest, {w.PerKilometre} per kilometre, {w.SameUnitTownship} when the unit already serves in the township."
               : $"按以下成本求最优匹配：单位类别与村情不符 {w.CategoryMismatch}（其他类别 {w.OtherCategory}），比最需要的村每少一个需要分加 {w.PerNeedPoint}，每公里 {w.PerKilometre}，本单位在该乡镇已有联系的加 {w.SameUnitTownship}。",
        };
        return new(en ? "First Secretaries (第一书记)" : "选派第一书记", lines);
    }
}
