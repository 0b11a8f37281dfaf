using System.Globalization;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>What the demo knows of a division's visits in a period: how many, how many genuine, and the villages it made dishonest that have visits there.</summary>
public sealed record DemoTruthCount(long Visits, long Genuine, IReadOnlyList<string> DishonestVillages)
{
    public double Rate => Visits == 0 ? 0 : (double)Genuine / Visits;
}

/// <summary>
/// The demo's truth about its visits (issue 22), so that the supervisors' statistics have something
/// real to find: a few villages in fifty are dishonest — nine in ten of the visits recorded there never
/// took place — and elsewhere one visit in two hundred is recorded for a household not visited. It is a
/// function of the visit (its village, household, cadre and day), not stored anywhere the product
/// reads: only the demo's answers to the calls (<see cref="AnswerAsync"/>) and its own check read it.
/// </summary>
public static class DemoTruth
{
    /// <summary>Villages in a thousand the demo makes dishonest.</summary>
    public const int DishonestPerMille = 20;

    public static bool Dishonest(string villageCode) => Hash(villageCode) % 1000 < DishonestPerMille;

    public static bool Genuine(string villageCode, long householdId, int cadreId, DateOnly day) =>
        Hash(string.Create(CultureInfo.InvariantCulture, $"{householdId}:{cadreId}:{day.DayNumber}")) % 1000 >= (Dishonest(villageCode) ? 900UL : 5UL);

    /// <summary>Counts the truth over the visits recorded under a division in a period.</summary>
    public static async Task<DemoTruthCount> CountAsync(LiaisonDb db, string division, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var visits = await db.HouseholdVisits.AsNoTracking().Where(v => v.VillageCode.StartsWith(division) && v.VisitedOn >= from && v.VisitedOn <= to)
            .Select(v => new { v.VillageCode, v.HouseholdId, v.CadreId, v.VisitedOn }).ToListAsync(ct);
        var genuine = visits.LongCount(v => Genuine(v.VillageCode, v.HouseholdId, v.CadreId, v.VisitedOn));
        var dishonest = visits.Select(v => v.VillageCode).Distinct().Where(Dishonest).Order(StringComparer.Ordinal).ToList();
        return new DemoTruthCount(visits.Count, genuine, dishonest);
    }

    /// <summary>
    /// Answers a sample's pending calls as the demo's households would: about 85 in 100 reached, each
    /// telling the truth about the visit; the month remembered right nine times in ten; a problem raised
    /// taken up mostly; satisfied where the cadre came. Each answer is recorded through the store, audited.
    /// </summary>
    public static async Task<int> AnswerAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long sampleId, CancellationToken ct)
    {
        using var outside = Access.Unscoped.Section("the demo answers the calls of a sample it was asked to");
        var pending = await (from c in db.SampleCalls.AsNoTracking()
                             join v in db.HouseholdVisits.AsNoTracking() on c.VisitId equals v.Id
                             where c.SampleId == sampleId && c.Outcome == CallOutcome.Pending
                             orderby c.Id
                             select new { c.Id, v.VillageCode, v.HouseholdId, v.CadreId, v.VisitedOn, v.IssueCount }).ToListAsync(ct);
        foreach (var p in pending)
        {
            await CallSampleStore.RecordAsync(db, clock, actor, p.Id, Answer(p.Id, p.VillageCode, p.HouseholdId, p.CadreId, p.VisitedOn, p.IssueCount), ct);
        }
        return pending.Count;
    }

    /// <summary>How the demo's household answers the call about a visit: reached about 85 times in 100, and then truthful.</summary>
    public static CallInput Answer(long callId, string villageCode, long householdId, int cadreId, DateOnly visitedOn, int issueCount)
    {
        var roll = Hash(string.Create(CultureInfo.InvariantCulture, $"call:{householdId}:{callId}"));
        if (roll % 100 >= 85)
        {
            return new CallInput(CallOutcome.Unreached, Note: "无人接听");
        }
        var genuine = Genuine(villageCode, householdId, cadreId, visitedOn);
        var satisfaction = genuine ? 3 + (int)(roll / 100 % 3) : 1 + (int)(roll / 100 % 2);
        return new CallInput(CallOutcome.Reached, genuine, genuine ? roll / 1000 % 10 != 0 : null, genuine && issueCount > 0 ? roll / 10_000 % 10 != 0 : null, satisfaction);
    }

    // FNV-1a then SplitMix64's finaliser: stable on every machine and run, unlike string.GetHashCode.
    private static ulong Hash(string text)
    {
        var h = 1469598103934665603UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
