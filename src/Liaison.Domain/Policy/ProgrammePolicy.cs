using Liaison.Domain.People;

namespace Liaison.Domain.Policy;

/// <summary>
/// Every number and rule a city sets for its programme in one year (ARCHITECTURE.md: policy is
/// data). <see cref="Default"/> gives a year's policy before the city sets its own: Jining's (the
/// rules of the source article, DOMAIN.md section 2) for Jining, the same rules without Jining's
/// telephone, title and quotas for any other city.
/// Later capabilities add their sections here.
/// </summary>
public sealed record ProgrammePolicy
{
    public int Year { get; init; }
    /// <summary>A title for people, e.g. the city's document name.</summary>
    public string Title { get; init; } = "";
    public ContactPointRules ContactPoints { get; init; } = new();
    public PairingRules Pairing { get; init; } = new();
    public ParticipationRules Participation { get; init; } = new();
    public BackwardVillageRules Backward { get; init; } = new();
    public PoliceRules Police { get; init; } = new();
    public CoverageRules Coverage { get; init; } = new();
    public EditRules Edits { get; init; } = new();
    public PublicSupervision Public { get; init; } = new();
    public FirstSecretaryRules FirstSecretaries { get; init; } = new();
    public FieldRules Field { get; init; } = new();
    public CaseRules Cases { get; init; } = new();
    /// <summary>实事好事: the kinds of practical deeds counted, with their quantities (issue 21).</summary>
    public DeedRules Deeds { get; init; } = new();
    /// <summary>年度目标责任书: the areas of a First Secretary's yearly targets (issue 21).</summary>
    public AgreementRules Agreements { get; init; } = new();
    /// <summary>村党组织分类定级: the checklist and what it suggests (issue 21).</summary>
    public GradingRules Grading { get; init; } = new();
    /// <summary>督查: the telephone verification's precision, the findings and the document review (issue 22).</summary>
    public SupervisionRules Supervision { get; init; } = new();
    /// <summary>年度考核: the year-end assessment's schemes, bands, caps, vetoes and the masses' evaluation (issue 23).</summary>
    public AssessmentRules Assessment { get; init; } = new();
    public ReportingRules Reporting { get; init; } = new();
    /// <summary>How the civil-service grades of an HR roster become the programme's roles (docs/IMPORTS.md).</summary>
    public RankMapping RankMapping { get; init; } = new();

    /// <summary>Jining's rules (DOMAIN.md section 2) for a year, with its supervision telephone.</summary>
    public static ProgrammePolicy Jining(int year) => new() { Year = year, Title = "济宁市大规模驻村入户工作规则（默认）", Public = new() { Telephone = "0537-12380" } };

    /// <summary>
    /// The policy of a year that was not set: Jining's for Jining; for another city (or a database
    /// whose city is not known yet) the same rules titled with the city's name, with no supervision
    /// telephone (nothing is published until the office sets one) and no First Secretary quotas
    /// (the cycle says they must be set). A telephone recorded with the city is taken.
    /// </summary>
    public static ProgrammePolicy Default(int year, CityIdentity? city)
    {
        if (city is { IsJining: true })
        {
            var jining = Jining(year);
            return city.Telephone is { Length: > 0 } phone ? jining with { Public = jining.Public with { Telephone = phone } } : jining;
        }
        var title = city is null ? "驻村联系服务工作规则（默认）" : city.Programme.Zh + "规则（默认）";
        return new ProgrammePolicy
        {
            Year = year,
            Title = title,
            Public = new() { Telephone = city?.Telephone ?? "" },
            FirstSecretaries = new() { CityQuota = 0, CountyQuota = 0, TownshipQuota = 0 },
        };
    }
}

/// <summary>联系点: which leaders link which places, how many, within which division, and their residence days.</summary>
public sealed record ContactPointRules
{
    /// <summary>Each city-level leader links one county, one township and one village; resides at least 10 days.</summary>
    public LeaderQuota CityLeader { get; init; } = new() { Counties = 1, Townships = 1, Villages = 1, MinResidenceDays = 10 };
    /// <summary>Each county-level leader links one township and one village inside the county; at least 14 days.</summary>
    public LeaderQuota CountyLeader { get; init; } = new() { Townships = 1, Villages = 1, MinResidenceDays = 14, WithinOwnDivision = true };
    /// <summary>Each city or county unit leader links one village.</summary>
    public LeaderQuota UnitLeader { get; init; } = new() { Villages = 1, WithinOwnDivision = true };
    /// <summary>The unit levels whose leaders take a contact point (市直、县直部门).</summary>
    public IReadOnlyList<UnitLevel> UnitLevels { get; init; } = [UnitLevel.City, UnitLevel.County];
    /// <summary>A leader's township lies in the leader's county, the village in the township.</summary>
    public bool Nested { get; init; } = true;
    /// <summary>The planner splits residence days into concentrated stays of at most this many days.</summary>
    public int StayLengthDays { get; init; } = 5;
}

/// <summary>How many places of each level one leader links.</summary>
public sealed record LeaderQuota
{
    public int Counties { get; init; }
    public int Townships { get; init; }
    public int Villages { get; init; }
    /// <summary>Minimum days a year living in the linked village (0: no minimum).</summary>
    public int MinResidenceDays { get; init; }
    /// <summary>The places lie in the division of the leader's unit (a county leader's, inside the county).</summary>
    public bool WithinOwnDivision { get; init; }
}

/// <summary>联建村: each unit's party organisation pairs with a village and stays there every half-year.</summary>
public sealed record PairingRules
{
    public IReadOnlyList<UnitLevel> UnitLevels { get; init; } = [UnitLevel.City, UnitLevel.County];
    public int VillagesPerUnit { get; init; } = 1;
    /// <summary>Concentrated stays of the unit's members in the village, per half-year.</summary>
    public int StaysPerHalfYear { get; init; } = 1;
    public int StayDays { get; init; } = 3;
    public bool WithinOwnDivision { get; init; } = true;
    /// <summary>Prefer a village whose needs match the unit's category (the First Secretary principle).</summary>
    public bool MatchCategory { get; init; } = true;
    /// <summary>
    /// Every cadre of a paired unit takes part in its village (the whole staff goes down, not only
    /// its leaders): they may record stays and household visits there from their phones, with no tie of their own.
    /// </summary>
    public bool MembersTakePart { get; init; } = true;
}

/// <summary>
/// 全员参与: which cadres the programme expects to take part, and what taking part means. Every active
/// cadre of a unit at one of <see cref="UnitLevels"/> should take part; a cadre takes part when the
/// year's records reach the minimums — with none set, one visit or one day in a village is enough.
/// </summary>
public sealed record ParticipationRules
{
    public IReadOnlyList<UnitLevel> UnitLevels { get; init; } = [UnitLevel.City, UnitLevel.County, UnitLevel.Township];
    /// <summary>Household visits a cadre records in the year to count as taking part (0: not asked).</summary>
    public int MinimumVisits { get; init; }
    /// <summary>Days a cadre lives in villages in the year to count as taking part (0: not asked).</summary>
    public int MinimumDays { get; init; }
}

/// <summary>倒排后进村 / 包村: the bottom share of each township's villages, each taken by a township leader.</summary>
public sealed record BackwardVillageRules
{
    public double Share { get; init; } = 0.10;
    public ShareRounding Rounding { get; init; } = ShareRounding.Up;
    /// <summary>Every township with villages has at least one backward village.</summary>
    public bool AtLeastOne { get; init; } = true;
    /// <summary>每名乡镇党政班子成员包保一个后进村.</summary>
    public int VillagesPerTownshipLeader { get; init; } = 1;
    /// <summary>Communities (社区) are ranked and taken like villages, so that subdistricts' leaders take one too.</summary>
    public bool IncludeCommunities { get; init; } = true;
    public RankingWeights Ranking { get; init; } = new();

    /// <summary>How many backward villages a township of <paramref name="villages"/> ranked villages has.</summary>
    public int CountFor(int villages)
    {
        if (villages == 0 || Share <= 0)
        {
            return 0;
        }
        var exact = villages * Share;
        // Shares like 0.1 are not exact in binary: 30 * 0.1 must be 3, not 3.0000000000000004 rounded up to 4.
        var rounded = Math.Round(exact, 9);
        var n = Rounding switch
        {
            ShareRounding.Up => (int)Math.Ceiling(rounded),
            ShareRounding.Down => (int)Math.Floor(rounded),
            _ => (int)Math.Round(rounded, MidpointRounding.AwayFromZero),
        };
        return Math.Min(villages, AtLeastOne ? Math.Max(1, n) : n);
    }
}

public enum ShareRounding
{
    /// <summary>向上取整</summary>
    Up = 1,
    /// <summary>向下取整</summary>
    Down = 2,
    /// <summary>四舍五入</summary>
    Nearest = 3,
}

/// <summary>
/// Need points of a village for the backward ranking: the more points, the lower it ranks.
/// Assessment results join these when issue 8's assessment exists.
/// </summary>
public sealed record RankingWeights
{
    public int BackwardOrganisation { get; init; } = 30;
    public int GeneralOrganisation { get; init; } = 10;
    public int UngradedOrganisation { get; init; } = 10;
    public int Difficult { get; init; } = 6;
    public int Disorderly { get; init; } = 6;
    public int Poor { get; init; } = 4;
    public int Specialised { get; init; } = -2;
}

/// <summary>公安民警联村: every police officer links villages near the station.</summary>
public sealed record PoliceRules
{
    public int VillagesPerOfficer { get; init; } = 1;
    public bool WithinOwnDivision { get; init; } = true;
}

/// <summary>Every village has at least this many tied cadres; the planner fills gaps with stationed cadres (驻村干部).</summary>
public sealed record CoverageRules
{
    public int MinimumPerVillage { get; init; } = 1;
    public bool IncludeCommunities { get; init; } = true;
    public bool FillWithStationedCadres { get; init; } = true;
}

/// <summary>What happens to a hand edit that breaks a rule.</summary>
public sealed record EditRules
{
    public EditViolationHandling OnViolation { get; init; } = EditViolationHandling.Warn;
}

public enum EditViolationHandling
{
    /// <summary>Saved, with the violation shown and listed by the checker.</summary>
    Warn = 1,
    /// <summary>Refused, nothing saved.</summary>
    Refuse = 2,
}

/// <summary>What the public contact-point page shows beside the list.</summary>
public sealed record PublicSupervision
{
    /// <summary>The programme office's supervision telephone, published with the list; empty: not set, nothing published.</summary>
    public string Telephone { get; init; } = "";
    public bool ShowUnitLeaders { get; init; } = true;
}

/// <summary>第一书记: how many each level sends, which villages need one, and what a good match costs.</summary>
public sealed record FirstSecretaryRules
{
    /// <summary>Jining sent 112 from the city, 1,664 from counties, 1,602 from townships; another city's default is none, to be set (<see cref="ProgrammePolicy.Default"/>).</summary>
    public int CityQuota { get; init; } = 112;
    public int CountyQuota { get; init; } = 1_664;
    public int TownshipQuota { get; init; } = 1_602;
    /// <summary>Villages whose party organisation has one of these grades need a First Secretary (not the advanced ones).</summary>
    public IReadOnlyList<Divisions.PartyOrgGrade> NeedGrades { get; init; } = [Divisions.PartyOrgGrade.Backward, Divisions.PartyOrgGrade.General];
    /// <summary>Villages of any of these types need one too.</summary>
    public IReadOnlyList<Divisions.VillageType> NeedTypes { get; init; } =
        [Divisions.VillageType.Difficult, Divisions.VillageType.Disorderly, Divisions.VillageType.Poor, Divisions.VillageType.Specialised];
    /// <summary>A cadre never goes to the township of the home village (回避).</summary>
    public bool AvoidHomeTownship { get; init; } = true;
    /// <summary>任期: years a First Secretary serves; opening the next year carries a posting whose term continues (issue 23).</summary>
    public int TermYears { get; init; } = 2;
    /// <summary>A First Secretary graded in the last band of the year's assessment is not carried into the next (召回).</summary>
    public bool RecallLastGrade { get; init; } = true;
    public MatchWeights Weights { get; init; } = new();
    /// <summary>Reserve cadres and newly promoted leaders without grassroots experience are selected first.</summary>
    public bool PreferReserveAndNewlyPromoted { get; init; } = true;
    /// <summary>Who may be selected at all; selection names the rule that excludes a candidate.</summary>
    public SecretaryEligibility Eligibility { get; init; } = new();

    /// <summary>Whether any level's quota was set: with none, the cycle opens no call and says why.</summary>
    public bool QuotasSet => CityQuota + CountyQuota + TownshipQuota > 0;

    /// <summary>Whether a village needs a First Secretary under these rules.</summary>
    public bool Needs(Liaisons.Place village) =>
        village.Level == Divisions.DivisionLevel.Village
        && ((village.Grade is { } g && NeedGrades.Contains(g)) || NeedTypes.Any(t => village.Type.HasFlag(t)));
}

/// <summary>选派条件: the rules a candidate meets to be selected as a First Secretary.</summary>
public sealed record SecretaryEligibility
{
    /// <summary>Oldest age in the programme year (year minus birth year); 0: no limit.</summary>
    public int MaxAge { get; init; }
    /// <summary>Ranks that may serve. Leaders of cities and counties link contact points instead.</summary>
    public IReadOnlyList<CadreRank> Ranks { get; init; } = [CadreRank.UnitLeader, CadreRank.TownshipLeader, CadreRank.Ordinary];
    /// <summary>A cadre who served as First Secretary in the year before is not sent again at once (a new person brings new eyes).</summary>
    public bool SkipServedLastYear { get; init; }
}

/// <summary>
/// Integer cost terms of sending a cadre to a village; the match minimises their sum. Whole
/// numbers, so that the total is exact and any other solver can check it.
/// </summary>
public sealed record MatchWeights
{
    /// <summary>The unit's category does not fit the village's type (party and government to difficult villages, ...).</summary>
    public int CategoryMismatch { get; init; } = 100;
    /// <summary>Units of other categories fit no type in particular.</summary>
    public int OtherCategory { get; init; } = 50;
    /// <summary>Per need point the village lacks against the neediest (the backward ranking's points): the neediest first.</summary>
    public int PerNeedPoint { get; init; } = 2;
    /// <summary>Per kilometre between the unit's seat and the village, where both have coordinates.</summary>
    public int PerKilometre { get; init; } = 1;
    /// <summary>The unit already has a tie in the village's township: spread a unit's people across townships.</summary>
    public int SameUnitTownship { get; init; } = 30;
}

/// <summary>Field work (DOMAIN.md section 3): residence minimums beyond the leaders' and what the plausibility flags look for.</summary>
public sealed record FieldRules
{
    /// <summary>A First Secretary lives in the village at least this many days a year.</summary>
    public int FirstSecretaryResidenceDays { get; init; } = 220;
    /// <summary>A stationed cadre's yearly minimum (0: none).</summary>
    public int StationedResidenceDays { get; init; }
    /// <summary>More visits by one cadre in one day than this is flagged for supervisors.</summary>
    public int PlausibleVisitsPerDay { get; init; } = 25;
    /// <summary>A visit recorded farther than this from its village (both with coordinates) is flagged.</summary>
    public double MaxKilometresFromVillage { get; init; } = 5;
    /// <summary>Two consecutive records farther apart than this speed allows are flagged.</summary>
    public double MaxTravelKilometresPerHour { get; init; } = 100;
    /// <summary>A note at least this long found word for word on another visit is flagged as copied.</summary>
    public int CopiedNoteMinLength { get; init; } = 12;
    /// <summary>A phone's clock may run this far ahead before a record counts as "in the future".</summary>
    public int ClockSkewMinutes { get; init; } = 10;
}

/// <summary>The masses' issues (DOMAIN.md section 3): categories, deadlines in working days per level, escalation and the holiday calendar.</summary>
public sealed record CaseRules
{
    public IReadOnlyList<CaseCategory> Categories { get; init; } =
    [
        new() { Code = "infrastructure", Name = "基础设施（路、水、电、桥）", EnglishName = "infrastructure (roads, water, power, bridges)", Units = UnitCategory.Economic },
        new() { Code = "livelihood", Name = "民生保障（低保、医保、养老）", EnglishName = "livelihood (benefits, health, pensions)", Units = UnitCategory.PartyGovernment },
        new() { Code = "land", Name = "土地与宅基地", EnglishName = "land and homesteads", Units = UnitCategory.AgricultureScience },
        new() { Code = "industry", Name = "产业发展与增收", EnglishName = "farming, business and income", Units = UnitCategory.AgricultureScience },
        new() { Code = "environment", Name = "村容环境", EnglishName = "village environment", Units = UnitCategory.Other },
        new() { Code = "governance", Name = "村务与党务", EnglishName = "village and party affairs", Units = UnitCategory.PartyGovernment },
        new() { Code = "other", Name = "其他", EnglishName = "other" },
    ];
    /// <summary>Working days to close a case at each level, unless its category says otherwise.</summary>
    public CaseDeadlines Deadlines { get; init; } = new();
    /// <summary>A case that changes hands more often than this at one level goes up by itself.</summary>
    public int MaxBounces { get; init; } = 3;
    /// <summary>Public holidays (no working days) and the weekend days worked in exchange (调休).</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];
    public IReadOnlyList<DateOnly> WorkedWeekendDays { get; init; } = [];
    /// <summary>The public form takes at most this many cases an hour from one address.</summary>
    public int PublicIntakePerHour { get; init; } = 10;

    public CaseDeadlines DeadlinesFor(string category) => Categories.FirstOrDefault(c => c.Code == category)?.Deadlines ?? Deadlines;
}

public sealed record CaseCategory
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    /// <summary>Category-specific deadlines, if any.</summary>
    public CaseDeadlines? Deadlines { get; init; }
    /// <summary>
    /// The kind of unit that takes the category's cases when they reach the county or the city: the
    /// case goes to the unit of that kind of the county (city) holding the fewest open cases. None: the office keeps it.
    /// </summary>
    public UnitCategory? Units { get; init; }
}

/// <summary>Working days a level has to close a case (village work group, township, county, city).</summary>
public sealed record CaseDeadlines
{
    public int Village { get; init; } = 5;
    public int Township { get; init; } = 10;
    public int County { get; init; } = 15;
    public int City { get; init; } = 20;

    public int At(Cases.CaseLevel level) => level switch
    {
        Cases.CaseLevel.Village => Village,
        Cases.CaseLevel.Township => Township,
        Cases.CaseLevel.County => County,
        _ => City,
    };
}

/// <summary>The programme's report (DOMAIN.md section 6): what is disclosed to the public and where lagging begins.</summary>
public sealed record ReportingRules
{
    /// <summary>
    /// Indicator ids shown on the public disclosure page (no sign-in), for every division down to the
    /// township. Only counts: never a person, household or case.
    /// </summary>
    public IReadOnlyList<string> PublicIndicators { get; init; } =
    [
        "villages", "communities", "cadres", "ties_with_cadre", "villages_covered", "fs_city", "fs_county", "fs_township",
        "residence_days", "visits", "households_visited", "cases_collected", "cases_completed", "disputes", "disputes_mediated", "errands", "errands_done",
        "commitments", "commitments_kept", "deeds", "deeds_funds", "deeds_road_km", "deeds_employment", "deeds_health_checks", "deeds_collective_income",
    ];
    /// <summary>A village whose visit rate (households visited ÷ households) is below this share is on the dashboard's compliance list.</summary>
    public double VisitRateTarget { get; init; } = 0.9;
}

/// <summary>
/// How a civil-service grade (职级, 职务层次) in a cadre roster becomes the programme's role (项目角色):
/// per grade, the role in a unit of each level; where a level has none the grade alone does not
/// say it, and the roster must give the role or a post (职务) that does. The programme's own role
/// words (一般干部, 乡镇党政班子成员 …) are always taken as they are.
/// </summary>
public sealed record RankMapping
{
    public IReadOnlyList<GradeRule> Grades { get; init; } = DefaultGrades();

    /// <summary>Posts (职务) of a township's party and government leadership: a cadre of a township unit with one is a 乡镇党政班子成员 where the grade says "by post".</summary>
    public IReadOnlyList<string> TownshipLeaderPosts { get; init; } =
    [
        "党委书记", "党委副书记", "党委委员", "镇长", "副镇长", "乡长", "副乡长", "人大主席", "人大副主席", "纪委书记",
        "武装部长", "组织委员", "宣传委员", "政法委员", "统战委员", "党工委书记", "党工委副书记", "党工委委员",
        "办事处主任", "办事处副主任", "人大工委主任", "纪工委书记",
    ];

    /// <summary>Posts of a department's leadership: a cadre of a city or county unit with one is a 部门单位领导班子成员 where the grade says "by post".</summary>
    public IReadOnlyList<string> UnitLeaderPosts { get; init; } =
    [
        "局长", "副局长", "主任", "副主任", "党组书记", "党组副书记", "党组成员", "书记", "副书记", "部长", "副部长",
        "院长", "副院长", "检察长", "副检察长", "主席", "副主席", "行长", "副行长", "社长", "副社长", "政委", "副政委",
    ];

    /// <summary>The rule of a grade (compared without spaces), or null when the policy does not know it.</summary>
    public GradeRule? Find(string grade) => Grades.FirstOrDefault(g => g.Grade == grade || g.Aliases.Contains(grade));

    /// <summary>The role a grade takes in a unit of this level, given the post; null when it is ambiguous.</summary>
    public CadreRank? RoleOf(GradeRule rule, UnitLevel level, string? post)
    {
        var role = level switch
        {
            UnitLevel.City => rule.City,
            UnitLevel.County => rule.County,
            _ => rule.Township,
        };
        if (rule.ByPost && !string.IsNullOrEmpty(post))
        {
            var posts = level == UnitLevel.Township ? TownshipLeaderPosts : UnitLeaderPosts;
            var parts = post.Split(['、', ',', '，', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Any(posts.Contains))
            {
                return level == UnitLevel.Township ? CadreRank.TownshipLeader : CadreRank.UnitLeader;
            }
        }
        return role;
    }

    /// <summary>
    /// The roles a grade may mean in a unit of a level, for the refusal of an ambiguous one: the
    /// level's leader role and 一般干部.
    /// </summary>
    public static IReadOnlyList<CadreRank> ChoicesAt(UnitLevel level) => level switch
    {
        UnitLevel.Township => [CadreRank.TownshipLeader, CadreRank.Ordinary],
        UnitLevel.County => [CadreRank.CountyLeader, CadreRank.UnitLeader, CadreRank.Ordinary],
        _ => [CadreRank.CityLeader, CadreRank.UnitLeader, CadreRank.Ordinary],
    };

    private static List<GradeRule> DefaultGrades()
    {
        var ordinary = new[]
        {
            "办事员", "科员", "一级科员", "二级科员", "副主任科员", "主任科员",
            "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员",
            "副调研员", "调研员", "四级调研员", "三级调研员", "二级调研员", "一级调研员", "二级巡视员", "一级巡视员",
        };
        const CadreRank O = CadreRank.Ordinary;
        return
        [
            .. ordinary.Select(g => new GradeRule { Grade = g, City = O, County = O, Township = O }),
            // 科级 leading posts: a section head of a city department is no unit leader; in a county
            // department or a township the post decides (a 副镇长 is on the township's leadership, a
            // 副科级 clerk is not).
            new GradeRule { Grade = "副科级", Aliases = ["副科", "副科长", "副科级领导职务"], City = O, ByPost = true },
            new GradeRule { Grade = "正科级", Aliases = ["正科", "科长", "正科级领导职务"], City = O, ByPost = true },
            // 县处级: a city department's leadership, a county's leadership, a township's head.
            new GradeRule { Grade = "副县级", Aliases = ["副处级", "副县", "副处"], City = CadreRank.UnitLeader, County = CadreRank.CountyLeader, Township = CadreRank.TownshipLeader },
            new GradeRule { Grade = "正县级", Aliases = ["正处级", "正县", "正处"], City = CadreRank.UnitLeader, County = CadreRank.CountyLeader, Township = CadreRank.TownshipLeader },
            // 厅局级: the city's leadership.
            new GradeRule { Grade = "副厅级", Aliases = ["副局级", "副市级", "副厅"], City = CadreRank.CityLeader },
            new GradeRule { Grade = "正厅级", Aliases = ["正局级", "正市级", "正厅"], City = CadreRank.CityLeader },
        ];
    }
}

/// <summary>One civil-service grade and the programme role it means in a unit of each level (null: it does not say).</summary>
public sealed record GradeRule
{
    public string Grade { get; init; } = "";
    /// <summary>Other ways rosters write the same grade.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public CadreRank? City { get; init; }
    public CadreRank? County { get; init; }
    public CadreRank? Township { get; init; }
    /// <summary>A leadership post (职务) in the roster makes the cadre the unit's or the township's leader.</summary>
    public bool ByPost { get; init; }
}
