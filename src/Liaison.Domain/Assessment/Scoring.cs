using Liaison.Domain.Policy;

namespace Liaison.Domain.Assessment;

/// <summary>One component of one person as read from the records: its score (0–100; null where it does not apply), what it rests on in words, and where those records are.</summary>
public sealed record PartInput(string Code, double? Score, Shared.Term Detail, string? Link = null);

/// <summary>One person (or unit, or division: <c>Subject</c> is the key the caller gives it) to assess: their parts, the finding that vetoes them (null: none) and the office's adjustment in points.</summary>
public sealed record PersonInput(int Subject, IReadOnlyList<PartInput> Parts, string? Veto = null, double Adjustment = 0);

/// <summary>A part as it counts: the weight it carries once the parts that do not apply are left out, and the points it gives (weight × score ÷ 100).</summary>
public sealed record PartResult(string Code, double Weight, double? Score, double Points, Shared.Term Detail, string? Link);

/// <summary>A person's result: the score from the parts, the score after the adjustment, the grade, whether the top band's cap moved them down, and the veto.</summary>
public sealed record PersonResult(int Subject, double Raw, double Score, string Grade, bool Capped, string? Veto, IReadOnlyList<PartResult> Parts);

/// <summary>
/// The assessment's arithmetic: each person's weighted score, the grade by the scheme's bands, the
/// veto (一票否决) to the last band, and the cap on the top band's share. Every point is a part's
/// weight times its score, so the parts add up to the score a person sees.
/// </summary>
public static class Scoring
{
    public static IReadOnlyList<PersonResult> Assess(AssessmentScheme scheme, IReadOnlyList<PersonInput> people) =>
        Grade(scheme, people.Select(p => Score(scheme, p)).ToList());

    /// <summary>
    /// The grades of scored people (again after an adjustment: the cap depends on everyone): by score,
    /// the vetoed to the last band whatever their score, then the top band's cap.
    /// </summary>
    public static IReadOnlyList<PersonResult> Grade(AssessmentScheme scheme, IReadOnlyList<PersonResult> scored)
    {
        var bands = scheme.Bands;
        var last = bands[^1].Code;
        var graded = scored.Select(r => r with { Grade = r.Veto is not null ? last : Band(bands, r.Score), Capped = false }).ToList();
        return Cap(scheme, graded);
    }

    /// <summary>Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4).</summary>
    public static IReadOnlyDictionary<int, int> Ranks(IReadOnlyList<PersonResult> results)
    {
        var ordered = results.OrderByDescending(r => r.Score).ToList();
        var ranks = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Subject] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].Subject] : i + 1;
        }
        return ranks;
    }

    /// <summary>A person's weighted score: the parts that apply, their weights scaled to 100, each part's points its weight times its score.</summary>
    public static PersonResult Score(AssessmentScheme scheme, PersonInput person)
    {
        var byCode = person.Parts.ToDictionary(p => p.Code);
        var applying = scheme.Components.Where(c => c.Weight > 0 && byCode.TryGetValue(c.Code, out var p) && p.Score is not null).ToList();
        var total = applying.Sum(c => c.Weight);
        var parts = scheme.Components.Select(c =>
        {
            var input = byCode.GetValueOrDefault(c.Code);
            var applies = total > 0 && applying.Contains(c);
            var weight = applies ? Round(c.Weight * 100 / total) : 0;
            var score = input?.Score is { } s ? Round(Math.Clamp(s, 0, 100)) : (double?)null;
            return new PartResult(c.Code, weight, score, applies && score is { } v ? Round(weight * v / 100) : 0, input?.Detail ?? new Shared.Term("", ""), input?.Link);
        }).ToList();
        var raw = total > 0 ? Round(applying.Sum(c => c.Weight * Math.Clamp(byCode[c.Code].Score!.Value, 0, 100)) / total) : 0;
        return new PersonResult(person.Subject, raw, Round(Math.Clamp(raw + person.Adjustment, 0, 100)), "", false, person.Veto, parts);
    }

    /// <summary>The band a score falls in: the first whose least it reaches (the last takes the rest).</summary>
    public static string Band(IReadOnlyList<GradeBand> bands, double score) =>
        bands.FirstOrDefault(b => score >= b.AtLeast - 1e-9)?.Code ?? bands[^1].Code;

    /// <summary>
    /// How many may take the top band among <paramref name="assessed"/>: the share's floor (a share
    /// of a fifth gives 2 of 12, none of 4) — a cap is a most, never rounded up past it.
    /// </summary>
    public static int TopAllowed(double share, int assessed) => (int)Math.Floor(Math.Round(share * assessed, 9));

    // Beyond the cap, the lowest scores of the top band take the next band. Where the cut falls among
    // equal scores, all of them move down: no one takes the top grade by the order of a list.
    private static List<PersonResult> Cap(AssessmentScheme scheme, List<PersonResult> graded)
    {
        if (scheme.Bands.Count < 2)
        {
            return graded;
        }
        var top = scheme.Bands[0].Code;
        var next = scheme.Bands[1].Code;
        var allowed = TopAllowed(scheme.TopShare, graded.Count);
        var inTop = graded.Where(r => r.Grade == top).OrderByDescending(r => r.Score).ToList();
        if (inTop.Count <= allowed)
        {
            return graded;
        }
        var keep = new HashSet<int>();
        if (allowed > 0)
        {
            var cut = inTop[allowed - 1].Score;
            var fits = inTop.Count(r => r.Score >= cut) <= allowed;
            keep = inTop.Where(r => fits ? r.Score >= cut : r.Score > cut).Select(r => r.Subject).ToHashSet();
        }
        return graded.Select(r => r.Grade == top && !keep.Contains(r.Subject) ? r with { Grade = next, Capped = true } : r).ToList();
    }

    private static double Round(double x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
}
