using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Secretaries;

/// <summary>A candidate as selection sees them.</summary>
public sealed record Applicant(SecretaryCandidate Candidate, RosterCadre Cadre, bool ServedLastYear = false);

/// <summary>What selection decided for one candidate, and why.</summary>
public sealed record SelectionOutcome(SecretaryCandidate Candidate, bool Selected, string ReasonZh, string ReasonEn);

/// <summary>
/// 择优选派: fills a call's quota on merit. Reserve cadres and newly promoted leaders without
/// grassroots experience come first (DOMAIN.md section 2.6), then the panel's total score; a
/// candidate not yet scored, or excluded by the policy's <see cref="Eligibility"/> rules, is not
/// selected, with the reason; so is one who could only be posted to the home township (回避:
/// every village in need within the call's reach lies there). Equal standing keeps the staff number order.
/// </summary>
public static class Selection
{
    /// <summary>Selects on merit; <c>needyInReach</c>: the codes of the villages in need within the call's reach (for the avoidance rule), null when not known.</summary>
    public static IReadOnlyList<SelectionOutcome> Select(SecretaryCall call, IEnumerable<Applicant> applicants, FirstSecretaryRules rules, IReadOnlyCollection<string>? needyInReach = null)
    {
        var preferReserveAndNew = rules.PreferReserveAndNewlyPromoted;
        var all = applicants.ToList();
        var excluded = all.Select(a => (a, Why: Eligibility.Exclusion(rules.Eligibility, a.Cadre, call.Year, a.ServedLastYear)
                ?? Eligibility.OnlyHomeTownship(rules, a.Candidate.HomeDivisionCode, needyInReach)))
            .Where(x => x.Why is not null).ToDictionary(x => x.a, x => x.Why!.Value);
        var scored = all.Where(a => a.Candidate.Merit is not null && !excluded.ContainsKey(a))
            .OrderByDescending(a => preferReserveAndNew && (a.Cadre.IsReserve || a.Cadre.IsNewlyPromoted))
            .ThenByDescending(a => a.Candidate.Merit)
            .ThenBy(a => a.Cadre.Code, StringComparer.Ordinal)
            .ToList();
        var outcomes = new List<SelectionOutcome>();
        for (var rank = 0; rank < scored.Count; rank++)
        {
            var a = scored[rank];
            var priority = preferReserveAndNew && (a.Cadre.IsReserve || a.Cadre.IsNewlyPromoted);
            var standing = $"第 {rank + 1} 名（{(priority ? "后备干部或新提拔干部优先，" : "")}综合得分 {a.Candidate.Merit}）";
            var standingEn = $"rank {rank + 1} ({(priority ? "reserve or newly promoted first, " : "")}total score {a.Candidate.Merit})";
            outcomes.Add(rank < call.Quota
                ? new SelectionOutcome(a.Candidate, true, $"选中：{standing}，名额 {call.Quota}", $"selected: {standingEn}, quota {call.Quota}")
                : new SelectionOutcome(a.Candidate, false, $"未选中：{standing}，名额 {call.Quota} 已满", $"not selected: {standingEn}, quota of {call.Quota} filled"));
        }
        outcomes.AddRange(excluded.Select(x => new SelectionOutcome(x.Key.Candidate, false, $"未选中：不符合选派条件，{x.Value.Zh}", $"not selected: not eligible, {x.Value.En}")));
        outcomes.AddRange(all.Where(a => a.Candidate.Merit is null && !excluded.ContainsKey(a))
            .Select(a => new SelectionOutcome(a.Candidate, false, "未选中：尚未评分", "not selected: not scored")));
        return outcomes;
    }
}
