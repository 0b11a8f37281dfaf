using Liaison.Data.Field;
using Liaison.Data.Policy;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// One cadre the policy expects to take part, at the division of their unit, with the month their
/// year's records reached what the policy asks (null: not yet).
/// </summary>
public sealed record CadreStanding(int CadreId, string DivisionCode, int? Month);

/// <summary>
/// 全员参与 (issue 20): the cadres taking part, counted from the visits and stays themselves with the
/// year's policy (<see cref="Participation"/>), at the division of each cadre's unit. The rollups'
/// full refresh, the drainer's recount of marked cadres (<see cref="ParticipationRollups"/>), a
/// unit's report, a period and <c>report verify</c> all read <see cref="StandingsAsync"/>. The cadres
/// expected are a stock of the people family (<see cref="RegistryFormulas.PeopleAsync"/>).
/// </summary>
internal static class ParticipationFormulas
{
    public static IEnumerable<Domain.Reporting.Indicator> Indicators => [I.CadresTakingPart];

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        var standings = await StandingsAsync(db, year, scope, null, ct);
        if (scope.PendingCadres is { Count: > 0 } pending)
        {
            // report verify: a cadre still waiting for the drainer stands as the drainer last left them.
            standings = [.. standings.Where(s => !pending.Contains(s.CadreId)), .. await ParticipationRollups.StoredAsync(db, pending, ct)];
        }
        foreach (var s in standings)
        {
            if (s.Month is { } month)
            {
                cells.Add(s.DivisionCode, I.CadresTakingPart, month, 1);
            }
        }
    }

    /// <summary>
    /// Every expected cadre within the scope (its unit, its unit divisions; or only
    /// <paramref name="cadres"/>), with the month they took part in the year or the scope's period.
    /// </summary>
    public static async Task<List<CadreStanding>> StandingsAsync(LiaisonDb db, int year, FormulaScope scope, IReadOnlyCollection<int>? cadres, CancellationToken ct)
    {
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Participation;
        var levels = rules.UnitLevels.ToList();
        var expected = from c in db.Cadres.AsNoTracking()
                       join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                       where c.Status == CadreStatus.Active && levels.Contains(u.Level)
                       select new { c.Id, c.UnitId, u.DivisionCode };
        if (cadres is not null)
        {
            expected = expected.Where(c => cadres.Contains(c.Id));
        }
        if (scope.UnitId is { } unit)
        {
            expected = expected.Where(c => c.UnitId == unit);
        }
        if (scope.UnitDivisions is { } divisions)
        {
            expected = expected.Where(c => divisions.Contains(c.DivisionCode));
        }
        var people = await expected.Select(c => new { c.Id, c.DivisionCode }).ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }
        var ids = expected.Select(c => c.Id);
        var (from, to) = scope.Period is { } period ? (period.FromMonth, period.ToMonth) : (1, 12);

        var tallies = scope.FromVisits ? VisitTallies.OneEach(db) : db.VisitTallies.AsNoTracking();
        var visits = (await tallies.Where(t => t.Year == year && t.Month >= from && t.Month <= to && ids.Contains(t.CadreId))
            .GroupBy(t => new { t.CadreId, t.Month }).Select(g => new { g.Key.CadreId, g.Key.Month, Visits = g.Sum(t => t.Visits) })
            .ToListAsync(ct)).ToLookup(v => v.CadreId);
        var stays = (await db.ResidenceStays.AsNoTracking().Where(s => s.Year == year && ids.Contains(s.CadreId))
            .Select(s => new { s.CadreId, s.Arrived, s.Left }).ToListAsync(ct)).ToLookup(s => s.CadreId);

        var standings = new List<CadreStanding>(people.Count);
        var byMonth = new int[12];
        foreach (var c in people)
        {
            Array.Clear(byMonth);
            foreach (var v in visits[c.Id])
            {
                byMonth[v.Month - 1] = (int)v.Visits;
            }
            // A day lived in two villages is one day of the cadre's.
            var days = Residence.DaysByMonth(year, stays[c.Id].Select(s => (s.Arrived, s.Left)));
            standings.Add(new CadreStanding(c.Id, c.DivisionCode, Participation.MetIn(byMonth, days, rules, from, to)));
        }
        return standings;
    }
}
