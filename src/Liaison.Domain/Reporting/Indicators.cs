namespace Liaison.Domain.Reporting;

/// <summary>The indicator registry. Later capabilities add their figures here.</summary>
public static class Indicators
{
    public static readonly Indicator Counties = new("counties", "县市区", "Counties", "个", "", "下辖县级行政区划数", "County-level divisions in the subtree");
    public static readonly Indicator Townships = new("townships", "乡镇街道", "Townships", "个", "", "下辖乡镇、街道数", "Townships and subdistricts in the subtree");
    public static readonly Indicator Villages = new("villages", "行政村", "Villages", "个", "", "村委会数（不含社区）", "Village committees (村委会), communities excluded");
    public static readonly Indicator Communities = new("communities", "社区", "Communities", "个", "", "居委会、社区数", "Urban communities (居委会)");
    public static readonly Indicator Units = new("units", "机关单位", "Units", "个", "", "所属行政区划内的机关单位数", "Government units whose division lies in the subtree");
    public static readonly Indicator Cadres = new("cadres", "机关干部", "Cadres", "人", "", "上述单位的干部数", "Cadres of those units");
    public static readonly Indicator PoliceOfficers = new("police_officers", "民警", "Police officers", "人", "", "干部中的民警数", "Cadres who are police officers");
    public static readonly Indicator CadresExpected = new("cadres_expected", "应参与干部", "Cadres expected to take part", "人", "", "按政策应参与驻村联系工作的在职干部（所在单位的层级在政策范围内）", "Active cadres the policy expects to take part (their unit's level is one the policy names)");
    public static readonly Indicator ReserveCadres = new("reserve_cadres", "后备干部", "Reserve cadres", "人", "", "干部中的后备干部数", "Cadres marked as reserve cadres");
    public static readonly Indicator Households = new("households", "农户", "Households", "户", "", "村（社区）登记的农户数", "Households registered in the villages and communities");
    public static readonly Indicator Residents = new("residents", "户籍人口", "Residents", "人", "", "登记农户的家庭成员合计", "Sum of household members");
    public static readonly Indicator ThreeOldsHouseholds = new("households_three_olds", "“三老”户", "Three-olds households", "户", "", "有老党员、老干部或老模范的农户数", "Households with an old party member, old cadre or old model worker");
    public static readonly Indicator ThreeKindsHouseholds = new("households_three_kinds", "“三户”", "Three-kinds households", "户", "", "困难户、富裕户、上访户合计（每户计一次）", "Poor, wealthy or petitioner households, each counted once");
    public static readonly Indicator PoorHouseholds = new("households_poor", "困难户", "Poor households", "户", "", "困难户数", "Households marked poor");
    public static readonly Indicator BackwardVillages = new("villages_backward_org", "后进党组织村", "Villages with a backward party organisation", "个", "", "党组织定级为后进的村", "Villages whose party organisation is graded backward");

    public static readonly Indicator CityLeaderPoints = new("ties_contact_city", "市级领导班子成员联系点", "City leaders' contact points", "个", "", "本年度联系计划中市级领导班子成员联系的村", "Villages linked by city-level leaders in the year's plan");
    public static readonly Indicator CountyLeaderPoints = new("ties_contact_county", "县级领导班子成员联系点", "County leaders' contact points", "个", "", "本年度联系计划中县级领导班子成员联系的村", "Villages linked by county-level leaders in the year's plan");
    public static readonly Indicator UnitLeaderPoints = new("ties_contact_unit", "部门单位领导班子成员联系点", "Unit leaders' contact points", "个", "", "本年度联系计划中部门单位领导班子成员联系的村", "Villages linked by unit leaders in the year's plan");
    public static readonly Indicator Pairings = new("ties_pairing", "机关党组织联建村", "Unit pairings", "个", "", "机关党组织与村的联建关系数", "Pairings of units' party organisations with villages");
    public static readonly Indicator BackwardTaken = new("ties_backward", "乡镇领导班子成员包保村", "Villages taken by township leaders", "个", "", "乡镇党政班子成员包保村的关系数", "Ties of township leaders to the villages they take");
    public static readonly Indicator PoliceLiaisons = new("ties_police", "联系村民警", "Police liaisons", "名", "", "直接联系村的民警数", "Police officers' ties to villages");
    public static readonly Indicator StationedCadres = new("ties_stationed", "补缺驻村干部", "Cadres stationed to fill gaps", "名", "", "其他联系机制都未覆盖的村另派的驻村干部（各村都已有干部联系时为 0）", "Cadres sent to villages no other mechanism covers (none when every village already has a tied cadre)");
    public static readonly Indicator CoveredVillages = new("villages_covered", "有干部联系的村（社区）", "Villages with a tied cadre", "个", "", "本年度联系计划中至少有一项联系（联系点、联建、包村、民警联村或补缺驻村）的村（社区）", "Villages and communities with at least one tie in the year's plan (a contact point, pairing, backward village, police liaison or a cadre stationed to fill a gap)");

    public static readonly Indicator SecretariesCity = new("fs_city", "市派第一书记", "First Secretaries sent by the city", "名", "", "本年度在岗的市级选派第一书记", "First Secretaries of the newest year sent by the city, in post");
    public static readonly Indicator SecretariesCounty = new("fs_county", "县派第一书记", "First Secretaries sent by counties", "名", "", "本年度在岗的县级选派第一书记", "First Secretaries of the newest year sent by a county, in post");
    public static readonly Indicator SecretariesTownship = new("fs_township", "乡镇派第一书记", "First Secretaries sent by townships", "名", "", "本年度在岗的乡镇选派第一书记", "First Secretaries of the newest year sent by a township, in post");
    public static readonly Indicator VillagesWithSecretary = new("villages_with_fs", "有第一书记的村", "Villages with a First Secretary", "个", "", "本年度有在岗第一书记的村", "Villages with a First Secretary of the newest year in post");

    public static readonly Indicator VillagesNeedingSecretary = new("villages_need_fs", "需选派第一书记的村", "Villages needing a First Secretary", "个", "", "按当年政策（党组织定级、村情类型）需要第一书记的村", "Villages that need a First Secretary under the year's policy (party-organisation grade, village type)");
    public static readonly Indicator NeedyVillagesWithSecretary = new("villages_need_fs_covered", "需选派且已有第一书记的村", "Villages needing a First Secretary that have one", "个", "", "需要第一书记且有在岗第一书记的村", "Villages needing a First Secretary with one in post");
    public static readonly Indicator SupportFunds = new("fs_support_funds", "派出单位帮扶资金", "Funds from sending units", "元", "", "第一书记派出单位向所驻村投入的资金合计", "Funds the First Secretaries' sending units put into their villages");
    public static readonly Indicator SupportRecords = new("fs_support_items", "派出单位倾斜支持事项", "Support given by sending units", "项", "", "派出单位资金、项目、人才、技术、信息支持记录数", "Records of funds, projects, people, technology and information given by sending units");

    public static readonly Indicator TiesWithCadre = new("ties_with_cadre", "联系村的干部（人次）", "Cadre ties to villages", "人次", "", "本年度联系计划中由干部个人承担的村级联系（一名干部联系两个村计两次）", "Village ties of the year's plan held by a cadre in person (a cadre tied to two villages counts twice)");

    public static readonly Indicator Visits = new("visits", "入户走访次数", "Household visits", "次", "", "本年度记录的入户走访次数", "Household visits recorded in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator HouseholdsVisited = new("households_visited", "已走访农户", "Households visited", "户", "", "本年度至少走访过一次的农户（走访率 = 已走访农户 ÷ 农户）", "Households visited at least once in the year (visit rate = households visited ÷ households)") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator ThreeOldsVisited = new("households_visited_three_olds", "已走访“三老”户", "Three-olds households visited", "户", "", "本年度走访过的“三老”户", "Three-olds households visited in the year") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator ThreeKindsVisited = new("households_visited_three_kinds", "已走访“三户”", "Three-kinds households visited", "户", "", "本年度走访过的困难户、富裕户、上访户", "Poor, wealthy and petitioner households visited in the year") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator VisitIssues = new("visit_issues", "走访中反映的问题", "Issues raised at visits", "个", "", "本年度入户走访中群众反映的问题和建议，按反映的日子计；每个都转为一件群众诉求案件，但撤回或并入其他案件的不计入案件数", "Problems and suggestions households raised at the year's visits, by the day raised; each is taken up as a case, but cases withdrawn or merged into another are not counted among cases") { Kind = IndicatorKind.Flow };
    public static readonly Indicator TiesVisiting = new("ties_visiting", "参与走访的干部（人次）", "Cadre ties with visits", "人次", "", "联系村的干部中本年度在该村走访过农户的（联系干部走访率 = 本项 ÷ 联系村的干部）", "Cadre ties whose cadre visited a household of the village in the year (tied cadres visiting = this ÷ cadre ties)") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator CadresTakingPart = new("cadres_taking_part", "参与干部", "Cadres taking part", "人", "", "应参与干部中本年度走访、驻村达到政策要求的（未规定时至少走访一次或驻村一天），按达到的月份计；计在干部所在单位的行政区划（参与率 = 本项 ÷ 应参与干部）", "Expected cadres whose visits and days in the year reach what the policy asks (one visit or one day when it sets no minimum), by the month reached, at the division of their unit (participation = this ÷ cadres expected)") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator HelpPlans = new("help_plans", "结对帮扶户", "Households paired for help", "户", "", "本年度由干部结对、制定帮扶计划（一户一策）的农户，按计划制定的月份计", "Households a cadre paired with and drew up a help plan for this year (one plan a household), by the month it was drawn up") { Kind = IndicatorKind.Flow };
    public static readonly Indicator HelpPlansAchieved = new("help_plans_achieved", "帮扶计划达成", "Help plans achieved", "户", "", "其中帮扶计划已达成的，按达成的月份计（达成率 = 本项 ÷ 结对帮扶户）", "Of those, plans closed as achieved, by the month closed (achieved rate = this ÷ households paired)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator ResidenceDays = new("residence_days", "驻村天数", "Residence days", "天", "", "本年度干部在联系村驻村的天数（同一人同一村同一天计一次）", "Days cadres lived in their villages in the year (a cadre's day in a village counts once)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator ResidenceRequired = new("residence_required", "有驻村天数要求的联系", "Ties with a residence minimum", "个", "", "按政策有年度驻村天数要求的联系（市、县领导联系点，第一书记等）", "Ties with a yearly residence minimum under the policy (city and county leaders' contact points, First Secretaries, ...)") { Kind = IndicatorKind.Year };
    public static readonly Indicator ResidenceMet = new("residence_met", "驻村天数达标", "Residence minimums met", "个", "", "其中本年度驻村天数已达到要求的", "Of those, the ones whose days already reach the minimum") { Kind = IndicatorKind.Year };
    public static readonly Indicator PartyMembersVisited = new("fs_party_members_visited", "第一书记走访党员", "Party members visited by First Secretaries", "人次", "", "第一书记记录的走访党员人次", "Party members First Secretaries recorded visiting") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Questionnaires = new("fs_questionnaires", "问卷调查", "Questionnaires", "份", "", "第一书记组织的问卷调查份数", "Questionnaires First Secretaries collected") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Symposiums = new("fs_symposiums", "座谈会", "Symposiums", "次", "", "第一书记召开的座谈会", "Symposiums First Secretaries held") { Kind = IndicatorKind.Flow };
    public static readonly Indicator StudyTrips = new("fs_study_trips", "外出考察", "Study trips", "次", "", "第一书记组织的外出考察学习", "Study trips First Secretaries organised") { Kind = IndicatorKind.Flow };
    public static readonly Indicator StudyTripPeople = new("fs_study_trip_people", "外出考察人次", "People on study trips", "人次", "", "外出考察学习的参加人次", "People who went on the study trips") { Kind = IndicatorKind.Flow };
    public static readonly Indicator EatLiveWorkDays = new("fs_eat_live_work_days", "同吃同住同劳动", "Days eating, living, working with villagers", "天", "", "第一书记与群众同吃同住同劳动的天数", "Days First Secretaries ate, lived and worked with villagers") { Kind = IndicatorKind.Flow };
    public static readonly Indicator HouseholdsVisitedBySecretaries = new("households_visited_fs", "第一书记走访农户", "Households visited by First Secretaries", "户", "", "本年度该村第一书记（含年内召回的）走访过的农户，与其他干部的走访分开统计；按第一书记首次走访的月份计", "Households a First Secretary of the village (one recalled during the year included) visited in the year, reported apart from other cadres' visits; by the month of the first such visit") { Kind = IndicatorKind.Distinct };
    public static readonly Indicator SecretariesOnDuty = new("fs_duty_in_post", "在岗第一书记（走访职责）", "First Secretaries in post (visiting duties)", "名", "", "走访年度在岗的第一书记，按所驻村计：以下三项走访职责的基数", "First Secretaries of the field year in post, at their villages: the base of the three visiting duties below") { Kind = IndicatorKind.Year };
    public static readonly Indicator SecretariesVisitedAll = new("fs_duty_all_households", "走访全村农户的第一书记", "First Secretaries who visited every household", "名", "", "在岗第一书记中本人本年度已走访所驻村全部在册农户的", "First Secretaries in post who themselves visited every current household of their village this year") { Kind = IndicatorKind.Year };
    public static readonly Indicator SecretariesVisitedThreeOlds = new("fs_duty_three_olds", "访遍“三老”的第一书记", "First Secretaries who visited every three-olds household", "名", "", "在岗第一书记中本人本年度已走访所驻村全部“三老”户的（村里没有“三老”户的也计入）", "First Secretaries in post who themselves visited every three-olds household of their village this year (a village with none counts as done)") { Kind = IndicatorKind.Year };
    public static readonly Indicator SecretariesVisitedThreeKinds = new("fs_duty_three_kinds", "走遍“三户”的第一书记", "First Secretaries who visited every three-kinds household", "名", "", "在岗第一书记中本人本年度已走访所驻村全部困难户、富裕户、上访户的（村里没有的也计入）", "First Secretaries in post who themselves visited every poor, wealthy and petitioner household of their village this year (a village with none counts as done)") { Kind = IndicatorKind.Year };

    public static readonly Indicator CasesCollected = new("cases_collected", "群众诉求案件", "Cases received", "件", "", "本年度受理的群众反映问题、建议和求助，含走访中反映的和联系卡、意见箱、夜访、电话、来访等渠道的；撤回和并入其他案件的不计", "Problems, suggestions and requests for help received in the year by any channel (those raised at visits, contact cards, suggestion boxes, night visits, phone, in person); withdrawn cases and duplicates merged into another are not counted") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesAdopted = new("cases_adopted", "采纳的建议", "Suggestions adopted", "件", "", "其中被采纳的建议", "Of those, suggestions taken up") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesCompleted = new("cases_completed", "采纳办结", "Adopted and completed", "件", "", "已办结或已采纳的（采纳办结率 = 本项 ÷ 收到）", "Resolved or adopted (adopted-and-completed rate = this ÷ collected)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesClosed = new("cases_closed", "已关闭", "Closed", "件", "", "已办结、已采纳或关闭未解决的", "Resolved, adopted, or closed not fixed") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesOnTime = new("cases_on_time", "按时办结", "Closed on time", "件", "", "在所在层级时限内关闭的（按时办结率 = 本项 ÷ 已关闭）", "Closed within the deadline of the level that closed them (on-time rate = this ÷ closed)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesReplied = new("cases_replied", "已答复", "Replied", "件", "", "已向群众答复（办结答复或解释上报）的（答复率 = 本项 ÷ 收到）", "Cases whose person was given a reply, on closing or with the explanation when escalated (reply rate = this ÷ collected)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesFollowedUp = new("cases_followed_up", "已回访", "Followed up", "件", "", "已回访并给出满意度的", "Followed up with a satisfaction score") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesSatisfaction = new("cases_satisfaction_points", "满意度得分合计", "Satisfaction points", "分", "", "回访满意度（1–5 分）之和（平均满意度 = 本项 ÷ 已回访）", "Sum of follow-up satisfaction scores, 1 to 5 (average = this ÷ followed up)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesReopened = new("cases_reopened", "重新办理", "Reopened", "件", "", "关闭后又重新办理过的（重办率 = 本项 ÷ 已关闭）", "Cases reopened after closing (reopen rate = this ÷ closed)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CasesEscalated = new("cases_escalated", "解释并上报", "Escalated", "件", "", "上报乡镇、县或市统筹解决过的", "Cases passed up to the township, county or city") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Disputes = new("disputes", "矛盾纠纷", "Disputes", "件", "", "本年度登记的矛盾纠纷", "Disputes recorded in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DisputesMediated = new("disputes_mediated", "矛盾纠纷化解", "Disputes mediated", "件", "", "其中调解成功的", "Of those, mediated successfully") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Errands = new("errands", "民生代办", "Errands", "件", "", "本年度受理的代办事项", "Errands taken on villagers' behalf in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator NightSessions = new("night_sessions", "夜谈夜访", "Night sessions", "场", "", "本年度在村里召开的夜谈夜访（有主题的晚间座谈），按召开的日子计", "Themed evening sessions held in villages in the year, by the day held") { Kind = IndicatorKind.Flow };
    public static readonly Indicator NightSessionPeople = new("night_session_people", "夜谈夜访参加群众", "People at night sessions", "人次", "", "夜谈夜访的参加人次", "Villagers who came to the night sessions") { Kind = IndicatorKind.Flow };
    public static readonly Indicator NightMattersSolved = new("night_matters_solved", "夜谈夜访当场解决", "Solved on the spot at night sessions", "件", "", "夜谈夜访中群众反映、当场解决的事项；解释并上报的转为群众诉求案件，计入案件数", "Matters villagers raised at night sessions and solved there and then; those explained and escalated become cases and count among cases") { Kind = IndicatorKind.Flow };
    public static readonly Indicator ErrandsDone = new("errands_done", "代办办结", "Errands done", "件", "", "其中已办成的", "Of those, done") { Kind = IndicatorKind.Flow };

    // 公开承诺 (issue 21): items promised in the year, by the month made, with where each stands now.
    public static readonly Indicator Commitments = new("commitments", "公开承诺事项", "Public commitments", "项", "", "本年度干部、第一书记向群众公开承诺的事项，按作出承诺的月份计", "Items cadres and First Secretaries promised villagers publicly in the year, by the month promised") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CommitmentsKept = new("commitments_kept", "已兑现承诺", "Commitments kept", "项", "", "其中已兑现的（含逾期兑现；承诺完成率 = 本项 ÷ 公开承诺事项，按事项逐项统计）", "Of those, kept, late ones included (completion = this ÷ commitments, counted item by item)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CommitmentsKeptOnTime = new("commitments_kept_on_time", "按期兑现承诺", "Commitments kept on time", "项", "", "其中在承诺期限内兑现的", "Of those, kept by the deadline") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CommitmentsDropped = new("commitments_dropped", "未兑现承诺", "Commitments not kept", "项", "", "其中已说明原因、确定不能兑现的（原因向群众公开）", "Of those, given up with the reason published to villagers") { Kind = IndicatorKind.Flow };

    // 督查 (issue 22): inspections, verification calls, findings and rectification orders at villages, by the month they concern.
    public static readonly Indicator Inspections = new("supervision_inspections", "暗访检查村次", "Villages inspected", "村次", "", "本年度暗访检查记录的村次，按检查的月份计", "Unannounced inspections recorded in villages in the year, by the month inspected") { Kind = IndicatorKind.Flow };
    public static readonly Indicator PresenceChecked = new("supervision_presence_checked", "查看在岗村次", "Presence checked", "村次", "", "其中查看了驻村干部或第一书记是否在岗的", "Of those, where the inspector checked whether the stationed cadre or First Secretary was there") { Kind = IndicatorKind.Flow };
    public static readonly Indicator PresentFound = new("supervision_present", "在岗村次", "Found present", "村次", "", "其中驻村干部或第一书记在岗的（在岗率 = 本项 ÷ 查看在岗村次）", "Of those, found present (presence = this ÷ presence checked)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CallsMade = new("supervision_calls", "电话核实户次", "Verification calls", "户次", "", "抽样核实已拨打的电话（接通和未接通），按被核实走访的月份计", "Sampled visits called (reached or not), by the month of the visit verified") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CallsReached = new("supervision_reached", "核实接通户次", "Households reached", "户次", "", "其中接通并作答的；未接通的不计为证实", "Of those, reached and answering; those not reached never count as confirming") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CallsConfirmed = new("supervision_confirmed", "证实走访户次", "Visits confirmed", "户次", "", "其中农户证实干部上门走访的（核实率 = 本项 ÷ 接通户次；各样本的加权估计和置信区间见督查页面）", "Of those, the household confirmed the visit (confirmation = this ÷ reached; each sample's weighted estimate and interval are on the supervision page)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Findings = new("supervision_findings", "督查发现问题", "Findings", "个", "", "暗访、查阅资料和电话核实在村里发现的问题，按发现的月份计", "Findings of inspections, document reviews and calls in villages, by the month found") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Orders = new("supervision_orders", "限期整改", "Rectification orders", "件", "", "对村下达的限期整改，按下达的月份计", "Rectification orders for villages, by the month ordered") { Kind = IndicatorKind.Flow };
    public static readonly Indicator OrdersClosed = new("supervision_orders_closed", "整改销号", "Orders closed", "件", "", "其中已验收销号的", "Of those, accepted and closed") { Kind = IndicatorKind.Flow };
    public static readonly Indicator OrdersOnTime = new("supervision_orders_on_time", "按期整改销号", "Orders closed on time", "件", "", "其中在整改期限内验收销号的", "Of those, closed by their day") { Kind = IndicatorKind.Flow };

    /// <summary>The supervision section's figures (issue 22), counted at villages with the field family.</summary>
    public static IReadOnlyList<Indicator> SupervisionFigures { get; } =
        [Inspections, PresenceChecked, PresentFound, CallsMade, CallsReached, CallsConfirmed, Findings, Orders, OrdersClosed, OrdersOnTime];

    // 年度考核 (issue 23): the masses' evaluation in December, the observation by the day observed, the published grades of the year (December).
    public static readonly Indicator MassRatings = new("assessment_ratings", "群众评议评价", "Masses' ratings", "人次", "", "群众对驻村干部、第一书记的评价，一户评价一名干部计一次，计入当年 12 月（年终评议）", "Villagers' ratings of their cadres, one per household and cadre, counted in December (the year-end evaluation)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator MassSatisfied = new("assessment_satisfied", "满意和基本满意", "Satisfied or basically", "人次", "", "其中满意和基本满意的（满意率 = 本项 ÷ 群众评议评价；每人的满意率和置信区间见考核页面）", "Of those, satisfied or basically satisfied (satisfaction = this ÷ ratings; each person's rate and interval are on the assessment pages)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Observed = new("assessment_observed", "现场观摩村次", "Villages observed", "村次", "", "县级现场观摩评分的村次，按观摩的月份计", "Villages the county observed and scored, by the month observed") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Assessed = new("assessment_assessed", "参加年度考核", "Assessed", "人", "", "已公布的年度考核中的人数（第一书记和驻村干部，按所驻村计）", "People in the year's published assessments (First Secretaries and stationed cadres, at the village served)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedExcellent = new("assessment_excellent", "考核优秀", "Graded excellent", "人", "", "其中定为优秀的（政策默认等次）", "Of those, graded excellent (the policy's default grades)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedCompetent = new("assessment_competent", "考核称职", "Graded competent", "人", "", "其中定为称职的", "Of those, graded competent") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedBasic = new("assessment_basic", "考核基本称职", "Graded basically competent", "人", "", "其中定为基本称职的", "Of those, graded basically competent") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedIncompetent = new("assessment_incompetent", "考核不称职", "Graded not competent", "人", "", "其中定为不称职的（含一票否决）", "Of those, graded not competent (vetoes included)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator SecretariesAssessed = new("assessment_fs_assessed", "第一书记参加考核", "First Secretaries assessed", "人", "", "参加年度考核的人中第一书记组的人数（其余为驻村联系干部组）", "Of those assessed, the First Secretaries' group (the rest: stationed and liaison cadres)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator SecretariesExcellent = new("assessment_fs_excellent", "第一书记考核优秀", "First Secretaries graded excellent", "人", "", "其中定为优秀的", "Of those, graded excellent") { Kind = IndicatorKind.Flow };
    public static readonly Indicator Commended = new("assessment_commended", "通报表扬", "Commended", "人", "", "参加考核的人中被已印发的通报表扬点名的（本年度）", "Of those assessed, the people named in an issued notice of commendation of the year") { Kind = IndicatorKind.Flow };

    /// <summary>The assessment section's figures (issue 23), counted at villages with the field family.</summary>
    public static IReadOnlyList<Indicator> AssessmentFigures { get; } =
        [MassRatings, MassSatisfied, Observed, Assessed, GradedExcellent, GradedCompetent, GradedBasic, GradedIncompetent, SecretariesAssessed, SecretariesExcellent, Commended];

    // 年度目标责任书 (issue 21): signed agreements and their targets, by the month signed, with where each target stands now.
    public static readonly Indicator AgreementsSigned = new("agreements_signed", "签订目标责任书", "Agreements signed", "份", "", "本年度第一书记与乡镇党委签订的目标责任书，按签订的月份计", "Target-responsibility agreements First Secretaries signed with the township committee this year, by the month signed") { Kind = IndicatorKind.Flow };
    public static readonly Indicator AgreementTargets = new("agreement_targets", "责任书目标任务", "Agreement targets", "项", "", "已签订的目标责任书中的目标任务", "Targets of the signed agreements") { Kind = IndicatorKind.Flow };
    public static readonly Indicator AgreementTargetsMet = new("agreement_targets_met", "已完成目标任务", "Agreement targets met", "项", "", "其中已完成的（目标完成率 = 本项 ÷ 责任书目标任务）", "Of those, met (targets met = this ÷ agreement targets)") { Kind = IndicatorKind.Flow };

    // 实事好事 (issue 21): the deeds of the default catalogue's kinds (DeedRules), by the month done. A
    // deed done for several villages is recorded for each, so a division's figures add up.
    public static readonly Indicator Deeds = new("deeds", "实事好事", "Practical deeds", "件", "", "本年度记录的实事好事（含便民服务），一件实事惠及几个村的每村计一件；按办成的日子计", "Practical deeds recorded in the year, services included; a deed for several villages counts once in each; by the day done") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedFunds = new("deeds_funds", "协调帮扶资金", "Funds coordinated", "元", "", "实事好事中协调到村的帮扶资金", "Funds coordinated for villages, as deeds") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedRoads = new("deeds_road_km", "硬化道路", "Roads hardened", "公里", "km", "硬化道路的长度", "Length of roads hardened") { Kind = IndicatorKind.Flow, Decimals = 3 };
    public static readonly Indicator DeedPowerLines = new("deeds_power_line_km", "架设电力线路", "Power lines laid", "公里", "km", "架设电力线路的长度", "Length of power lines laid") { Kind = IndicatorKind.Flow, Decimals = 3 };
    public static readonly Indicator DeedWells = new("deeds_wells", "打井", "Wells dug", "眼", "", "打井眼数", "Wells dug") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedDitches = new("deeds_ditch_km", "修建沟渠", "Ditches built", "公里", "km", "修建沟渠的长度", "Length of ditches built") { Kind = IndicatorKind.Flow, Decimals = 3 };
    public static readonly Indicator DeedBridges = new("deeds_bridges", "修建桥涵", "Bridges and culverts built", "座", "", "修建桥梁、涵洞座数", "Bridges and culverts built") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedEmployment = new("deeds_employment", "转移就业", "People placed in work", "人", "", "帮助转移就业的人数", "People helped into work") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedHealthChecks = new("deeds_health_checks", "免费健康查体", "Free health checks", "人次", "", "组织免费健康查体的人次", "Free health checks given") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedTrees = new("deeds_trees", "植树", "Trees planted", "棵", "", "植树棵数", "Trees planted") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedWaterPower = new("deeds_water_power", "通水通电", "Water and power brought", "个村", "villages", "实现通水通电的村数", "Villages given water and power") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedFiveTen = new("deeds_five_ten", "解决“五通十有”问题", "\"Five connections, ten haves\" problems solved", "个", "", "解决的“五通十有”问题数", "\"Five connections, ten haves\" problems solved") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedSidelines = new("deeds_sideline_projects", "引进副业项目", "Side businesses brought in", "个", "", "引进的副业项目数", "Side businesses brought in") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedFarming = new("deeds_farming_projects", "引进种植养殖项目", "Planting and breeding projects brought in", "个", "", "引进的种植、养殖项目数", "Planting and breeding projects brought in") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedCollectiveIncome = new("deeds_collective_income", "新增村集体收入", "Collective income added", "元", "", "帮助村集体新增的收入", "Income the village collectives gained") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedStudents = new("deeds_students_aided", "资助学生", "Students aided", "人", "", "资助的学生人数", "Students aided") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedStudentAid = new("deeds_student_aid", "助学金额", "Student aid paid", "元", "", "资助学生的金额", "Aid paid to students") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedServices = new("deeds_services", "便民服务", "Services given", "次", "", "便民服务队、村法律顾问、“周六到基层”、微党课、绿色通道等服务的次数", "Times the service teams, village legal advisers, \"Saturday at the grassroots\", micro party lessons and green channels served") { Kind = IndicatorKind.Flow };
    public static readonly Indicator DeedServicePeople = new("deeds_service_people", "便民服务人次", "People served", "人次", "", "上述便民服务的服务人次", "People those services served") { Kind = IndicatorKind.Flow };

    // 党组织建设 (issue 21): the year's confirmed gradings, by the month confirmed, and the party-building outputs recorded per village.
    public static readonly Indicator VillagesGraded = new("villages_graded", "分类定级的村党组织", "Village party organisations graded", "个", "", "本年度县里确认的分类定级中定级的村党组织，按确认的月份计", "Village party organisations graded in the year's rounds the county confirmed, by the month confirmed") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedAdvanced = new("graded_advanced", "定为先进", "Graded advanced", "个", "", "其中定为先进的", "Of those, graded advanced") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedGeneral = new("graded_general", "定为一般", "Graded general", "个", "", "其中定为一般的", "Of those, graded general") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GradedBackward = new("graded_backward", "定为后进", "Graded backward", "个", "", "其中定为后进的（先进 + 一般 + 后进 = 定级的村党组织）", "Of those, graded backward (advanced + general + backward = graded)") { Kind = IndicatorKind.Flow };
    public static readonly Indicator BackwardRectified = new("backward_rectified", "后进党组织整顿转化", "Backward organisations rectified", "个", "", "上次定为后进、本次定为一般或先进的", "Graded backward before and general or advanced this time") { Kind = IndicatorKind.Flow };
    public static readonly Indicator GeneralUpgraded = new("general_upgraded", "一般党组织晋位升级", "General organisations upgraded", "个", "", "上次定为一般、本次定为先进的", "Graded general before and advanced this time") { Kind = IndicatorKind.Flow };
    public static readonly Indicator CommitteeAdjusted = new("party_committee_adjusted", "调整村“两委”成员", "Two-committee members adjusted", "人", "", "本年度调整的村“两委”成员", "Members of the village two committees adjusted in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator NewPartyMembers = new("party_new_members", "发展党员", "New party members", "名", "", "本年度发展的党员", "Party members admitted in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator ReserveTrained = new("party_reserve_cadres", "培养村级后备干部", "Reserve cadres trained", "名", "", "本年度培养的村级后备干部", "Village reserve cadres trained in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator TrainingSessions = new("party_training_sessions", "党员培训", "Party training sessions", "场", "", "本年度组织的党员培训场次", "Party training sessions held in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator TrainingAttendance = new("party_training_attendance", "党员培训人次", "Training attendances", "人次", "", "上述培训的参训人次", "Attendances at those sessions") { Kind = IndicatorKind.Flow };
    public static readonly Indicator RulesEstablished = new("party_rules", "建立完善制度", "Rules established", "项", "", "本年度建立完善的村级制度", "Village rules established or improved in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator VenuesRenovated = new("party_venues", "改造提升活动阵地", "Venues renovated", "处", "", "本年度改造提升的村级活动阵地", "Village party venues renovated in the year") { Kind = IndicatorKind.Flow };
    public static readonly Indicator ModelSites = new("party_model_sites", "党建示范点", "Model sites", "个", "", "本年度打造的党建示范点", "Party-building model sites named in the year") { Kind = IndicatorKind.Flow };

    /// <summary>The party organisations' figures, in the order of the source's report.</summary>
    public static IReadOnlyList<Indicator> PartyFigures { get; } =
    [
        VillagesGraded, GradedAdvanced, GradedGeneral, GradedBackward, BackwardRectified, GeneralUpgraded,
        CommitteeAdjusted, NewPartyMembers, ReserveTrained, TrainingSessions, TrainingAttendance, RulesEstablished, VenuesRenovated, ModelSites,
    ];

    /// <summary>The deeds' figures, in the order of the source's report.</summary>
    public static IReadOnlyList<Indicator> DeedFigures { get; } =
    [
        Deeds, DeedFunds, DeedRoads, DeedPowerLines, DeedWells, DeedDitches, DeedBridges, DeedEmployment, DeedHealthChecks, DeedTrees,
        DeedWaterPower, DeedFiveTen, DeedSidelines, DeedFarming, DeedCollectiveIncome, DeedStudents, DeedStudentAid, DeedServices, DeedServicePeople,
    ];

    public static IReadOnlyList<Indicator> All { get; } =
    [
        Counties, Townships, Villages, Communities, Units, Cadres, CadresExpected, PoliceOfficers, ReserveCadres,
        Households, Residents, ThreeOldsHouseholds, ThreeKindsHouseholds, PoorHouseholds, BackwardVillages,
        CityLeaderPoints, CountyLeaderPoints, UnitLeaderPoints, Pairings, BackwardTaken, PoliceLiaisons, StationedCadres, CoveredVillages,
        SecretariesCity, SecretariesCounty, SecretariesTownship, VillagesWithSecretary,
        VillagesNeedingSecretary, NeedyVillagesWithSecretary, SupportFunds, SupportRecords, TiesWithCadre,
        Visits, HouseholdsVisited, ThreeOldsVisited, ThreeKindsVisited, VisitIssues, TiesVisiting, CadresTakingPart, HelpPlans, HelpPlansAchieved, ResidenceDays, ResidenceRequired, ResidenceMet,
        PartyMembersVisited, Questionnaires, Symposiums, StudyTrips, StudyTripPeople, EatLiveWorkDays,
        HouseholdsVisitedBySecretaries, SecretariesOnDuty, SecretariesVisitedAll, SecretariesVisitedThreeOlds, SecretariesVisitedThreeKinds,
        CasesCollected, CasesAdopted, CasesCompleted, CasesClosed, CasesOnTime, CasesReplied, CasesFollowedUp, CasesSatisfaction,
        CasesReopened, CasesEscalated, Disputes, DisputesMediated, Errands, ErrandsDone, NightSessions, NightSessionPeople, NightMattersSolved,
        Commitments, CommitmentsKept, CommitmentsKeptOnTime, CommitmentsDropped, AgreementsSigned, AgreementTargets, AgreementTargetsMet,
        .. DeedFigures, .. PartyFigures, .. SupervisionFigures, .. AssessmentFigures,
    ];

    /// <summary>The case family's figures (issue 7), counted at villages with the field family.</summary>
    public static IReadOnlyList<Indicator> CaseFigures { get; } =
    [
        CasesCollected, CasesAdopted, CasesCompleted, CasesClosed, CasesOnTime, CasesReplied, CasesFollowedUp, CasesSatisfaction,
        CasesReopened, CasesEscalated, Disputes, DisputesMediated, Errands, ErrandsDone,
    ];

    public static Indicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
