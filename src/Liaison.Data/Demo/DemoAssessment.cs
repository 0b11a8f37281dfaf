using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Audit;
using Liaison.Domain.Assessment;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>What <c>demo assessment</c> wrote.</summary>
public sealed record DemoAssessmentResult(int Year, int Observations, int Comments, int Ballots, int Ratings);

/// <summary>
/// <c>liaison demo assessment</c>: the year-end entries of a demo year — the county's observation of
/// a quarter of the First Secretaries' villages, the township committee's and the sending unit's
/// comments, and the masses' evaluation of every village with its cadres (a dozen to two dozen
/// households each) — at believable rates, lower where <see cref="DemoTruth"/> made the village
/// dishonest, so the assessment has something to tell apart. Deterministic for a seed.
/// </summary>
public static class DemoAssessment
{
    public static async Task<DemoAssessmentResult> GenerateAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, int seed, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the demo generator writes the whole demo city");
        if (await db.MassBallots.AnyAsync(b => b.Year == year, ct) || await db.WorkComments.AnyAsync(c => c.Year == year, ct))
        {
            throw new InvalidOperationException($"{year} 年已有考核录入，未写入任何数据 / {year} has assessment entries already; nothing was written");
        }
        var rng = SeededRandom.For(seed, "assessment-" + year);
        var now = clock.GetUtcNow();
        // Stored in UTC, as PostgreSQL keeps instants.
        var december = new DateTimeOffset(year, 12, 10, 10, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var postings = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null).Select(p => new { p.CadreId, p.VillageCode }).ToListAsync(ct);
        var stationed = await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.Kind != TieKind.Pairing && t.CadreId != null && t.DivisionCode.Length == 12)
            .Select(t => new { CadreId = t.CadreId!.Value, t.DivisionCode }).ToListAsync(ct);
        double Quality(string village) => DemoTruth.Dishonest(village) ? 0.55 : 0.9;
        double Score(string village, double spread) => Math.Round(Math.Clamp(100 * Quality(village) + (rng.Normal() * spread), 40, 100), 1);

        // 现场观摩: a quarter of the First Secretaries' villages, one day each, every item.
        var items = (await Policy.PolicyStore.GetAsync(db, year, ct)).Policy.Assessment.ObservationItems;
        var observations = postings.Select(p => p.VillageCode).Distinct().Order(StringComparer.Ordinal).Where(_ => rng.Chance(0.25)).ToList();
        foreach (var v in observations)
        {
            var day = new DateOnly(year, 11, 1 + rng.Next(28));
            db.ObservationScores.AddRange(items.Select(i => new ObservationScore { Year = year, VillageCode = v, ObservedOn = day, Item = i.Code, Score = Score(v, 6), RecordedBy = actor.Name, RecordedAt = now }));
        }
        // 工作点评: the township committee on every First Secretary and stationed cadre, the sending unit on its First Secretaries.
        var comments = 0;
        foreach (var (cadre, village, unit) in postings.Select(p => (p.CadreId, p.VillageCode, true)).Concat(stationed.DistinctBy(s => s.CadreId).Select(s => (s.CadreId, s.DivisionCode, false))).DistinctBy(x => x.CadreId))
        {
            db.WorkComments.Add(new WorkComment { Year = year, CadreId = cadre, Source = CommentSource.Township, Score = Score(village, 5), Text = "驻村工作扎实，群众认可度较高。", RecordedBy = actor.Name, RecordedAt = now });
            comments++;
            if (unit)
            {
                db.WorkComments.Add(new WorkComment { Year = year, CadreId = cadre, Source = CommentSource.Unit, Score = Score(village, 4), Text = "能够履行第一书记职责，单位支持到位。", RecordedBy = actor.Name, RecordedAt = now });
                comments++;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // 群众评议: in each village with cadres, a dozen to two dozen households rate every cadre who served it.
        var rated = postings.Select(p => (p.VillageCode, p.CadreId)).Concat(stationed.Select(s => (VillageCode: s.DivisionCode, s.CadreId))).Distinct()
            .GroupBy(x => x.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var villages = rated.Select(g => g.Key).ToList();
        var households = (await db.Households.AsNoTracking().Where(h => villages.Contains(h.VillageCode) && h.Status == HouseholdStatus.Current).Select(h => new { h.VillageCode, h.Id }).ToListAsync(ct))
            .ToLookup(h => h.VillageCode, h => h.Id);
        int ballots = 0, ratings = 0;
        // Ballots first (their ids), then their ratings: a chunk of villages at a time.
        foreach (var chunk in rated.Chunk(200))
        {
            var pending = new List<(MassBallot Ballot, List<MassRating> Ratings)>();
            foreach (var village in chunk)
            {
                var pool = households[village.Key].ToList();
                var take = Math.Min(pool.Count, 12 + rng.Next(13));
                var satisfied = DemoTruth.Dishonest(village.Key) ? 0.45 : 0.85;
                var basically = DemoTruth.Dishonest(village.Key) ? 0.35 : 0.12;
                for (var i = 0; i < take; i++)
                {
                    var pick = rng.Next(pool.Count);
                    var household = pool[pick];
                    pool.RemoveAt(pick);
                    var ballot = new MassBallot
                    {
                        Year = year,
                        VillageCode = village.Key,
                        HouseholdKey = EvaluationStore.HouseholdKey(village.Key, household),
                        Channel = rng.Chance(0.6) ? BallotChannel.Qr : rng.Chance(0.4) ? BallotChannel.Phone : BallotChannel.Paper,
                        At = december.AddMinutes(rng.Next(20 * 24 * 60)),
                    };
                    var list = village.Select(x =>
                    {
                        var u = rng.NextDouble();
                        return new MassRating
                        {
                            Year = year,
                            VillageCode = village.Key,
                            CadreId = x.CadreId,
                            Screening = CommentScreening.Shown,
                            Rating = u < satisfied ? Rating.Satisfied : u < satisfied + basically ? Rating.Basically : Rating.Dissatisfied,
                        };
                    }).ToList();
                    pending.Add((ballot, list));
                }
            }
            db.MassBallots.AddRange(pending.Select(p => p.Ballot));
            await db.SaveChangesAsync(ct);
            foreach (var (ballot, list) in pending)
            {
                list.ForEach(r => r.BallotId = ballot.Id);
                db.MassRatings.AddRange(list);
                ratings += list.Count;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            ballots += pending.Count;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Field, ct);
            await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("demo.assessment", "demo", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
                new { observations = observations.Count, comments, ballots, ratings }), ct);
            await tx.CommitAsync(ct);
        }
        return new DemoAssessmentResult(year, observations.Count, comments, ballots, ratings);
    }
}
