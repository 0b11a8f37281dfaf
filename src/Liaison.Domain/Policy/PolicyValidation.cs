namespace Liaison.Domain.Policy;

/// <summary>The checks a policy document passes before it is stored: ranges, and rules that contradict each other.</summary>
public static class PolicyValidation
{
    public static IReadOnlyList<PolicyProblem> Validate(ProgrammePolicy p)
    {
        var problems = new List<PolicyProblem>();
        void Add(bool bad, string rule, string path, string zh, string en)
        {
            if (bad)
            {
                problems.Add(new PolicyProblem(rule, path, zh, en));
            }
        }

        Add(p.Year is < 2000 or > 2100, "policy.year", "year", "年度须在 2000–2100 之间", "the year must lie between 2000 and 2100");
        Quota(p.ContactPoints.CityLeader, "contactPoints.cityLeader");
        Quota(p.ContactPoints.CountyLeader, "contactPoints.countyLeader");
        Quota(p.ContactPoints.UnitLeader, "contactPoints.unitLeader");
        Add(p.ContactPoints.CountyLeader.Counties > 0 && p.ContactPoints.CountyLeader.WithinOwnDivision, "contact.within", "contactPoints.countyLeader.counties",
            "县级领导须在本县内联系，不能再联系县市区", "a county leader linking places inside the own county cannot link a county");
        Add(p.ContactPoints.UnitLeader.Counties > 0 || p.ContactPoints.UnitLeader.Townships > 0, "contact.unit.village", "contactPoints.unitLeader",
            "部门单位领导班子成员只联系村", "unit leaders link villages only");
        Add(p.ContactPoints.UnitLeader.Villages > 0 && p.ContactPoints.UnitLevels.Count == 0, "contact.unit.village", "contactPoints.unitLevels",
            "规定了部门单位领导联系村，却没有指定哪一级单位", "unit leaders link villages, but no unit level is named");
        Add(p.ContactPoints.StayLengthDays is < 1 or > 60, "contact.residence", "contactPoints.stayLengthDays", "每次集中驻村天数须在 1–60 之间", "a concentrated stay lasts 1 to 60 days");

        var pairing = p.Pairing;
        Add(pairing.VillagesPerUnit is < 0 or > 5, "pairing.one", "pairing.villagesPerUnit", "每个机关党组织联建村数须在 0–5 之间", "villages per unit must lie between 0 and 5");
        Add(pairing.VillagesPerUnit > 0 && pairing.UnitLevels.Count == 0, "pairing.one", "pairing.unitLevels", "规定了联建村，却没有指定哪一级单位", "pairings are required, but no unit level is named");
        Add(pairing.StaysPerHalfYear is < 0 or > 6, "pairing.stay", "pairing.staysPerHalfYear", "每半年集中驻村次数须在 0–6 之间", "stays per half-year must lie between 0 and 6");
        Add(pairing.StayDays is < 1 or > 30, "pairing.stay", "pairing.stayDays", "每次集中驻村天数须在 1–30 之间", "a stay lasts 1 to 30 days");
        Add(pairing.StaysPerHalfYear * pairing.StayDays > 150, "pairing.stay", "pairing", "每半年的集中驻村天数超过半年", "the stays of a half-year do not fit in a half-year");

        var part = p.Participation;
        Add(part.MinimumVisits is < 0 or > 1_000, "participation.minimum", "participation.minimumVisits", "每名干部每年最少走访次数须在 0–1000 之间", "the minimum visits a year lie between 0 and 1,000");
        Add(part.MinimumDays is < 0 or > 366, "participation.minimum", "participation.minimumDays", "每名干部每年最少驻村天数须在 0–366 之间", "the minimum days a year lie between 0 and 366");

        var backward = p.Backward;
        Add(backward.Share is < 0 or > 1 || double.IsNaN(backward.Share), "backward.share", "backward.share", "后进村比例须在 0 到 1 之间（10% 写作 0.1）", "the backward share lies between 0 and 1 (10% is 0.1)");
        Add(backward.VillagesPerTownshipLeader is < 0 or > 5, "backward.one", "backward.villagesPerTownshipLeader", "每名乡镇班子成员包保村数须在 0–5 之间", "villages per township leader must lie between 0 and 5");
        Add(backward.Share > 0 && backward.VillagesPerTownshipLeader == 0, "backward.taken", "backward",
            "规定了后进村，却不让乡镇班子成员包保：后进村将无人包保", "backward villages are ranked, but township leaders take none: nobody would take them");
        Add(!Enum.IsDefined(backward.Rounding), "backward.share", "backward.rounding", "取整方式须为 up、down 或 nearest", "rounding is up, down or nearest");

        Add(p.Police.VillagesPerOfficer is < 0 or > 5, "police.one", "police.villagesPerOfficer", "每名民警联系村数须在 0–5 之间", "villages per police officer must lie between 0 and 5");
        Add(p.Coverage.MinimumPerVillage is < 0 or > 10, "coverage.village", "coverage.minimumPerVillage", "每村最少驻村干部数须在 0–10 之间", "the minimum per village lies between 0 and 10");
        Add(p.Public.Telephone.Length > 0 && !Shared.PublicTelephone.IsValid(p.Public.Telephone), "public.telephone", "public.telephone",
            Shared.PublicTelephone.Expected.Zh, Shared.PublicTelephone.Expected.En);
        Add(!Enum.IsDefined(p.Edits.OnViolation), "policy.edits", "edits.onViolation", "须为 warn（保存并提示）或 refuse（拒绝）", "warn (save and show) or refuse");
        var fs = p.FirstSecretaries;
        Add(fs.CityQuota < 0 || fs.CountyQuota < 0 || fs.TownshipQuota < 0 || fs.CityQuota + fs.CountyQuota + fs.TownshipQuota > 100_000, "fs.quota", "firstSecretaries",
            "第一书记名额须在 0–100000 之间", "First Secretary quotas lie between 0 and 100,000");
        Add(fs.TermYears is < 1 or > 5, "fs.term", "firstSecretaries.termYears", "第一书记任期须为 1–5 年", "a First Secretary's term lasts 1 to 5 years");
        Add(fs.Eligibility.MaxAge is < 0 or > 70, "fs.eligibility", "firstSecretaries.eligibility.maxAge", "年龄上限须在 0（不限）到 70 之间", "the age limit lies between 0 (none) and 70");
        Add(fs.QuotasSet && fs.Eligibility.Ranks.Count == 0, "fs.eligibility", "firstSecretaries.eligibility.ranks",
            "规定了第一书记名额，却没有可选派的职级", "First Secretaries are to be sent, but no rank may serve");
        var weights = fs.Weights;
        Add(new[] { weights.CategoryMismatch, weights.OtherCategory, weights.PerNeedPoint, weights.PerKilometre, weights.SameUnitTownship }.Any(x => x is < 0 or > 10_000),
            "fs.weights", "firstSecretaries.weights", "匹配成本权重须在 0–10000 之间", "match cost weights lie between 0 and 10,000");
        var field = p.Field;
        Add(field.FirstSecretaryResidenceDays is < 0 or > 366 || field.StationedResidenceDays is < 0 or > 366, "field.residence", "field",
            "驻村天数须在 0–366 之间", "residence days lie between 0 and 366");
        Add(field.PlausibleVisitsPerDay is < 1 or > 500, "field.plausible", "field.plausibleVisitsPerDay", "每日合理走访数须在 1–500 之间", "plausible visits a day lie between 1 and 500");
        Add(field.MaxKilometresFromVillage is <= 0 or > 500 || field.MaxTravelKilometresPerHour is <= 0 or > 1000 || field.CopiedNoteMinLength is < 1 or > 500 || field.ClockSkewMinutes is < 0 or > 1440,
            "field.plausible", "field", "合理性检查参数超出范围", "a plausibility setting is out of range");

        var cases = p.Cases;
        Add(cases.Categories.Count == 0, "cases.categories", "cases.categories", "至少要有一个问题类别", "at least one case category");
        Add(cases.Categories.GroupBy(c => c.Code).Any(g => g.Count() > 1) || cases.Categories.Any(c => string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name)),
            "cases.categories", "cases.categories", "问题类别的代码须唯一且不为空，名称不为空", "category codes are unique and not empty, and every category has a name");
        foreach (var (d, path) in cases.Categories.Where(c => c.Deadlines is not null).Select(c => (c.Deadlines!, $"cases.categories[{c.Code}].deadlines")).Prepend((cases.Deadlines, "cases.deadlines")))
        {
            Add(new[] { d.Village, d.Township, d.County, d.City }.Any(n => n is < 1 or > 250), "cases.deadlines", path, "各级办理时限须在 1–250 个工作日之间", "each level's deadline lies between 1 and 250 working days");
        }
        Add(cases.MaxBounces is < 1 or > 20, "cases.bounces", "cases.maxBounces", "退回次数上限须在 1–20 之间", "the bounce limit lies between 1 and 20");
        Add(cases.PublicIntakePerHour is < 1 or > 1000, "cases.intake", "cases.publicIntakePerHour", "公开表单每小时上限须在 1–1000 之间", "the public form's hourly limit lies between 1 and 1000");
        Add(cases.Holidays.Intersect(cases.WorkedWeekendDays).Any(), "cases.calendar", "cases.holidays", "同一天不能既是假日又是调休工作日", "a day cannot be both a holiday and a worked weekend day");
        var kinds = p.Deeds.Kinds;
        Add(kinds.GroupBy(k => k.Code).Any(g => g.Count() > 1) || kinds.Any(k => string.IsNullOrWhiteSpace(k.Code) || string.IsNullOrWhiteSpace(k.Name)),
            "deeds.kinds", "deeds.kinds", "实事类别的代码须唯一且不为空，名称不为空", "deed kind codes are unique and not empty, and every kind has a name");
        foreach (var kind in kinds)
        {
            var q = kind.Quantities;
            Add(q.Count == 0 || q.GroupBy(x => x.Code).Any(g => g.Count() > 1) || q.Any(x => string.IsNullOrWhiteSpace(x.Code) || string.IsNullOrWhiteSpace(x.Name)),
                "deeds.quantities", $"deeds.kinds[{kind.Code}].quantities", "每类实事至少有一项数量，数量代码唯一且不为空，名称不为空",
                "every deed kind has at least one quantity, with unique, non-empty codes and names");
            Add(q.Any(x => !Enum.IsDefined(x.Unit) || x.Max is <= 0 or > 1_000_000_000_000m), "deeds.quantities", $"deeds.kinds[{kind.Code}].quantities",
                "数量的单位须为 kilometre、count、yuan、person 或 village，上限须在 0 到 1 万亿之间", "a quantity's unit is kilometre, count, yuan, person or village, and its bound lies between 0 and a trillion");
        }
        var areas = p.Agreements.Areas;
        Add(areas.Count == 0 || areas.GroupBy(a => a.Code).Any(g => g.Count() > 1) || areas.Any(a => string.IsNullOrWhiteSpace(a.Code) || string.IsNullOrWhiteSpace(a.Name)),
            "agreements.areas", "agreements.areas", "目标责任书至少有一个目标领域，领域代码须唯一且不为空，名称不为空",
            "an agreement has at least one area of targets, with unique, non-empty codes and names");
        var criteria = p.Grading.Criteria;
        Add(criteria.Count == 0 || criteria.GroupBy(c => c.Code).Any(g => g.Count() > 1) || criteria.Any(c => string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name)),
            "grading.criteria", "grading.criteria", "定级标准至少一项，代码须唯一且不为空，名称不为空", "the grading checklist has at least one criterion, with unique, non-empty codes and names");
        Add(p.Grading.BackwardAtMost < 0 || p.Grading.AdvancedAtLeast <= p.Grading.BackwardAtMost || p.Grading.AdvancedAtLeast > criteria.Count,
            "grading.thresholds", "grading.advancedAtLeast", $"须满足 0 ≤ 后进上限 < 先进下限 ≤ 标准项数（{criteria.Count}）", $"0 ≤ the backward bound < the advanced bound ≤ the number of criteria ({criteria.Count})");
        var sup = p.Supervision;
        Add(sup.Margin is <= 0 or > 0.2 || sup.Confidence is < 0.8 or >= 1 || sup.Alpha is <= 0 or > 0.2, "supervision.precision", "supervision.margin",
            "抽样精度须满足 0 < 误差 ≤ 0.2、0.8 ≤ 置信度 < 1、0 < 显著性水平 ≤ 0.2（如 0.03、0.95、0.05）",
            "the sample's precision needs 0 < margin ≤ 0.2, 0.8 ≤ confidence < 1 and 0 < alpha ≤ 0.2 (e.g. 0.03, 0.95, 0.05)");
        Add(sup.ExpectedReach is < 0.1 or > 1, "supervision.reach", "supervision.expectedReach", "预计接通比例须在 0.1 到 1 之间（如 0.85）", "the share of households expected to be reached lies between 0.1 and 1 (e.g. 0.85)");
        Add(sup.RectificationDays is < 1 or > 120, "supervision.days", "supervision.rectificationDays", "限期整改须为 1 到 120 个工作日", "a rectification order allows 1 to 120 working days");
        var findings = sup.FindingKinds;
        Add(findings.Count == 0 || findings.GroupBy(k => k.Code).Any(g => g.Count() > 1) || findings.Any(k => string.IsNullOrWhiteSpace(k.Code) || string.IsNullOrWhiteSpace(k.Name))
            || findings.Any(k => k.Severity is < 1 or > 3 || k.SignOff is not ("county" or "city")),
            "supervision.findings", "supervision.findingKinds", "问题类别至少一项，代码唯一且不为空，名称不为空，严重程度为 1–3，审签层级为 county 或 city",
            "at least one finding kind, with unique, non-empty codes and names, a severity of 1–3 and a sign-off of county or city");
        var items = sup.Checklist;
        Add(items.GroupBy(i => i.Code).Any(g => g.Count() > 1) || items.Any(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Name)
            || i.Levels.Count == 0 || i.Levels.Any(l => l is not ("village" or "township" or "unit"))),
            "supervision.checklist", "supervision.checklist", "查阅资料清单的代码唯一且不为空，名称不为空，层级为 village、township 或 unit",
            "the review checklist's codes are unique and not empty, every item has a name, and its levels are village, township or unit");
        AssessmentProblems(p, Add);
        var reporting = p.Reporting;
        var unknown = reporting.PublicIndicators.Where(id => Reporting.Indicators.Find(id) is null).ToList();
        Add(unknown.Count > 0, "reporting.public", "reporting.publicIndicators",
            $"没有这些指标：{string.Join("、", unknown)}", $"no such indicators: {string.Join(", ", unknown)}");
        Add(reporting.VisitRateTarget is <= 0 or > 1, "reporting.visitRate", "reporting.visitRateTarget", "走访率目标须在 0–1 之间（如 0.9）", "the visit-rate target lies between 0 and 1 (e.g. 0.9)");
        var map = p.RankMapping;
        var names = map.Grades.SelectMany(g => g.Aliases.Prepend(g.Grade)).ToList();
        Add(names.Any(string.IsNullOrWhiteSpace) || names.Any(n => n.Any(char.IsWhiteSpace)), "ranks.grades", "rankMapping.grades",
            "职级名称不能为空，也不能含空格", "a grade's name is not empty and has no spaces");
        var twice = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Add(twice.Count > 0, "ranks.grades", "rankMapping.grades", $"职级重复：{string.Join("、", twice)}", $"grades named twice: {string.Join(", ", twice)}");
        var roleWords = Shared.Terms.Ranks.Values.SelectMany(t => new[] { t.Zh, t.En }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var clash = names.Where(roleWords.Contains).ToList();
        Add(clash.Count > 0, "ranks.grades", "rankMapping.grades", $"这些职级与项目角色同名：{string.Join("、", clash)}", $"these grades have a programme role's name: {string.Join(", ", clash)}");
        var badRoles = map.Grades.SelectMany(g => new[] { g.City, g.County, g.Township }).Where(r => r is { } v && !Enum.IsDefined(v)).ToList();
        Add(badRoles.Count > 0, "ranks.grades", "rankMapping.grades", "项目角色须为 cityLeader、countyLeader、unitLeader、townshipLeader 或 ordinary",
            "a programme role is cityLeader, countyLeader, unitLeader, townshipLeader or ordinary");
        Add(map.Grades.Any(g => g.ByPost) && (map.TownshipLeaderPosts.Count == 0 && map.UnitLeaderPosts.Count == 0), "ranks.posts", "rankMapping",
            "有职级按职务确定角色，却没有列出任何领导职务", "a grade takes its role from the post, but no leadership post is listed");
        Add(map.TownshipLeaderPosts.Concat(map.UnitLeaderPosts).Any(string.IsNullOrWhiteSpace), "ranks.posts", "rankMapping",
            "领导职务不能为空", "a leadership post is not empty");
        return problems;

        void Quota(LeaderQuota q, string path)
        {
            Add(q.Counties is < 0 or > 5 || q.Townships is < 0 or > 5 || q.Villages is < 0 or > 5, "contact.quota", path,
                "每名领导联系的县、乡镇、村数各须在 0–5 之间", "counties, townships and villages per leader each lie between 0 and 5");
            Add(q.MinResidenceDays is < 0 or > 366, "contact.residence", path + ".minResidenceDays", "驻村天数须在 0–366 之间", "residence days lie between 0 and 366");
            Add(q.MinResidenceDays > 0 && q.Villages == 0, "contact.residence", path,
                "规定了驻村天数，却没有联系村：无处驻村", "residence days are required, but no village is linked to reside in");
        }
    }

    private static void AssessmentProblems(ProgrammePolicy p, Action<bool, string, string, string, string> add)
    {
        var a = p.Assessment;
        var kinds = p.Supervision.FindingKinds.Select(k => k.Code).ToHashSet();
        add(a.Schemes.GroupBy(s => s.Group).Any(g => g.Count() > 1) || a.Schemes.Any(s => !Assessment.AssessmentGroups.Known.Contains(s.Group)), "assessment.groups", "assessment.schemes",
            $"考核方案的对象须为 {string.Join("、", Assessment.AssessmentGroups.Known)} 之一，且每类只有一个方案", $"a scheme's group is one of {string.Join(", ", Assessment.AssessmentGroups.Known)}, one scheme a group");
        foreach (var (s, i) in a.Schemes.Select((s, i) => (s, i)))
        {
            var path = $"assessment.schemes[{i}]";
            var allowed = Assessment.AssessmentGroups.ComponentsOf(s.Group);
            var unknown = s.Components.Select(c => c.Code).Where(c => !allowed.Contains(c)).ToList();
            add(unknown.Count > 0 || s.Components.GroupBy(c => c.Code).Any(g => g.Count() > 1), "assessment.components", path + ".components",
                $"{s.Group} 的考核项目须为 {string.Join("、", allowed)}，且不重复{(unknown.Count > 0 ? "（没有：" + string.Join("、", unknown) + "）" : "")}",
                $"the components of {s.Group} are among {string.Join(", ", allowed)}, each once{(unknown.Count > 0 ? " (no such: " + string.Join(", ", unknown) + ")" : "")}");
            add(s.Components.Any(c => c.Weight < 0 || double.IsNaN(c.Weight)) || Math.Abs(s.Components.Sum(c => c.Weight) - 100) > 0.001, "assessment.weights", path + ".components",
                $"各项权重不能为负，合计须为 100（现为 {s.Components.Sum(c => c.Weight):0.##}）", $"weights are not negative and add up to 100 (now {s.Components.Sum(c => c.Weight):0.##})");
            var bands = s.Bands;
            add(bands.Count < 2 || bands.GroupBy(b => b.Code).Any(g => g.Count() > 1) || bands.Any(b => string.IsNullOrWhiteSpace(b.Code) || string.IsNullOrWhiteSpace(b.Name))
                || bands.Zip(bands.Skip(1)).Any(x => x.First.AtLeast <= x.Second.AtLeast) || bands[^1].AtLeast != 0 || bands[0].AtLeast > 100,
                "assessment.bands", path + ".bands", "等次至少两档，代码唯一、名称不为空，分数线从高到低递减，最后一档为 0，最高不超过 100",
                "at least two grades, with unique codes and names, their least scores falling from the top, the last 0 and the first at most 100");
            add(s.TopShare is < 0 or > 1 || double.IsNaN(s.TopShare), "assessment.cap", path + ".topShare", "最高等次比例须在 0 到 1 之间（20% 写作 0.2）", "the top grade's share lies between 0 and 1 (20% is 0.2)");
            var vetoes = s.VetoFindings.Where(v => !kinds.Contains(v)).ToList();
            add(vetoes.Count > 0, "assessment.veto", path + ".vetoFindings", $"一票否决的问题类别不在督查问题类别中：{string.Join("、", vetoes)}", $"veto finding kinds not in supervision's catalogue: {string.Join(", ", vetoes)}");
        }
        add(a.AppealDays is < 1 or > 90, "assessment.appeal", "assessment.appealDays", "申诉期限须为 1–90 天", "the appeal period lies between 1 and 90 days");
        add(a.MaxAdjustment is < 0 or > 50, "assessment.adjust", "assessment.maxAdjustment", "调整分值上限须在 0–50 分之间", "an adjustment is at most 0–50 points");
        add(a.FindingDeduction is < 0 or > 100 || a.UnconfirmedDeduction is < 0 or > 100, "assessment.deductions", "assessment", "扣分须在 0–100 分之间", "deductions lie between 0 and 100 points");
        add(a.ObservationItems.Count == 0 || a.ObservationItems.GroupBy(i => i.Code).Any(g => g.Count() > 1) || a.ObservationItems.Any(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Name)),
            "assessment.observation", "assessment.observationItems", "现场观摩评分项至少一项，代码唯一且不为空，名称不为空", "at least one observation item, with unique, non-empty codes and names");
        add(a.Masses.MinimumRatings is < 1 or > 1000 || a.Masses.PerAddressPerHour is < 1 or > 10_000, "assessment.masses", "assessment.masses",
            "群众评议最少评议数须在 1–1000 之间，每个地址每小时上限在 1–10000 之间", "the fewest ratings lie between 1 and 1,000, an address's hourly limit between 1 and 10,000");
    }
}
