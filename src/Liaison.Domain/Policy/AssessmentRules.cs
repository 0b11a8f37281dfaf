namespace Liaison.Domain.Policy;

/// <summary>
/// 年度考核 (issue 23): how each group of people is assessed at the year's end — the components and
/// their weights, the grade bands, the cap on the top grade's share, the findings that veto (一票否决),
/// the days an appeal may be filed in, and the masses' evaluation's rules. A city sets its own; the
/// default follows the source (separately for First Secretaries and stationed cadres, by the records,
/// on-site observation 现场观摩, work comments 工作点评 and the masses' evaluation 群众评议).
/// </summary>
public sealed record AssessmentRules
{
    public IReadOnlyList<AssessmentScheme> Schemes { get; init; } =
    [
        new()
        {
            Group = Assessment.AssessmentGroups.FirstSecretaries,
            Components =
            [
                Part("residence", 15), Part("coverage", 15), Part("key-households", 10), Part("cases", 10), Part("commitments", 10),
                Part("deeds", 5), Part("supervision", 10), Part("observation", 10), Part("comments", 5), Part("masses", 10),
            ],
        },
        new()
        {
            Group = Assessment.AssessmentGroups.StationedCadres,
            Components =
            [
                // A liaison cadre's duty is to take part (the field work's burden rule), not to visit every household as a First Secretary does.
                Part("residence", 10), Part("participation", 25), Part("cases", 15), Part("commitments", 10),
                Part("supervision", 10), Part("observation", 10), Part("comments", 10), Part("masses", 10),
            ],
        },
    ];

    /// <summary>Days after the result is published in which a person assessed may appeal (calendar days).</summary>
    public int AppealDays { get; init; } = 10;

    /// <summary>The most an office's adjustment may move a score, either way, in points (with a written reason).</summary>
    public double MaxAdjustment { get; init; } = 10;

    /// <summary>The supervision component's deduction per point of severity of a finding against the person (a grave finding, severity 3, takes 30).</summary>
    public double FindingDeduction { get; init; } = 10;

    /// <summary>The supervision component's deduction per visit of the person the telephone verification did not confirm.</summary>
    public double UnconfirmedDeduction { get; init; } = 5;

    /// <summary>现场观摩: what the county's observers score in a village (each 0–100).</summary>
    public IReadOnlyList<ObservationItem> ObservationItems { get; init; } =
    [
        new() { Code = "organisation", Name = "村党组织建设", EnglishName = "The village party organisation" },
        new() { Code = "services", Name = "为民服务与群众诉求办理", EnglishName = "Services and the masses' cases" },
        new() { Code = "development", Name = "发展与实事项目", EnglishName = "Development and practical projects" },
        new() { Code = "records", Name = "台账与公开", EnglishName = "Records and publicity" },
    ];

    public MassEvaluationRules Masses { get; init; } = new();

    public AssessmentScheme? For(string? group) => Schemes.FirstOrDefault(s => s.Group == group?.Trim());

    private static AssessmentComponent Part(string code, double weight) => new() { Code = code, Weight = weight };
}

/// <summary>One group's scheme: its components with weights (summing to 100), its bands from the top, the cap on the top band's share and the vetoes.</summary>
public sealed record AssessmentScheme
{
    /// <summary><c>first-secretaries</c> or <c>stationed-cadres</c> (<see cref="Assessment.AssessmentGroups"/>).</summary>
    public required string Group { get; init; }

    public IReadOnlyList<AssessmentComponent> Components { get; init; } = [];

    /// <summary>The grades from the top, each with the least score it takes; the last takes the rest (its least is 0).</summary>
    public IReadOnlyList<GradeBand> Bands { get; init; } =
    [
        new() { Code = "excellent", Name = "优秀", EnglishName = "Excellent", AtLeast = 90 },
        new() { Code = "competent", Name = "称职", EnglishName = "Competent", AtLeast = 70 },
        new() { Code = "basic", Name = "基本称职", EnglishName = "Basically competent", AtLeast = 60 },
        new() { Code = "incompetent", Name = "不称职", EnglishName = "Not competent", AtLeast = 0 },
    ];

    /// <summary>The top band's share of those assessed at most (优秀比例; 0.2 is a fifth); those beyond it by score take the next band.</summary>
    public double TopShare { get; init; } = 0.2;

    /// <summary>Finding kinds (supervision's catalogue) which, found against the person in the year, put them in the last band whatever the score (一票否决).</summary>
    public IReadOnlyList<string> VetoFindings { get; init; } = ["fabricated"];
}

/// <summary>A component of a scheme: a code of <see cref="Assessment.AssessmentComponents"/> and its weight in points out of 100.</summary>
public sealed record AssessmentComponent
{
    public required string Code { get; init; }
    public double Weight { get; init; }
}

/// <summary>A grade: its code, names and the least score it takes.</summary>
public sealed record GradeBand
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public double AtLeast { get; init; }
}

/// <summary>
/// 群众评议: how villagers' ratings are taken — the fewest ratings a person's satisfaction needs to
/// count (fewer, and the component is left out and its weight spread over the rest, said so on the
/// page), and the limits that refuse ballot stuffing.
/// </summary>
public sealed record MassEvaluationRules
{
    public int MinimumRatings { get; init; } = 10;

    /// <summary>Ratings one address may submit in an hour across all villages (a household's phone rates once anyway).</summary>
    public int PerAddressPerHour { get; init; } = 20;
}

/// <summary>An item scored in an on-site observation.</summary>
public sealed record ObservationItem
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
}
