using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>年度考核 (issue 23): the masses' evaluation's anti-stuffing rules and the assessment run from the records, on both databases.</summary>
public class AssessmentStoreTests
{
    private static readonly Dictionary<int, Rating> None = [];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task One_voice_a_household_unknown_phones_and_bursts_refused_and_every_refusal_counted(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // Two households of the village with registered phones.
        var phones = new[] { "13900001111", "13900002222" };
        foreach (var (id, phone) in households.Take(2).Zip(phones))
        {
            var h = await db.Households.FirstAsync(x => x.Id == id);
            h.HeadPhone = phone;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var rated = await EvaluationStore.RatedAsync(db, village, 2026, default);
        Assert.Contains(rated, c => c.Id == author.CadreId);
        var ratings = new Dictionary<int, Rating> { [author.CadreId] = Rating.Satisfied };

        BallotInput Qr(string phone, string address = "10.0.0.1", Dictionary<int, Rating>? r = null) =>
            new(village, BallotChannel.Qr, phone, null, r ?? ratings, new Dictionary<int, string?> { [author.CadreId] = "好" }, address);

        // Refused by field, nothing counted: no ratings, a cadre who does not serve the village.
        var empty = await EvaluationStore.CastAsync(db, clock, Qr(phones[0], r: None), default);
        Assert.Equal("ratings", Assert.Single(empty.Problems).Field);
        var stranger = await db.Cadres.Where(c => !rated.Select(r => r.Id).Contains(c.Id)).Select(c => c.Id).FirstAsync();
        Assert.NotEmpty((await EvaluationStore.CastAsync(db, clock, Qr(phones[0], r: new() { [stranger] = Rating.Satisfied }), default)).Problems);
        Assert.Equal(0, await db.BallotRefusals.CountAsync());

        // Taken once; the same household again (the phone written another way) refused; a phone of no household refused.
        Assert.True((await EvaluationStore.CastAsync(db, clock, Qr(phones[0]), default)).Taken);
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, Qr("139 0000 1111", "10.0.0.2"), default)).Refused);
        Assert.Equal(RefusalReason.UnknownPhone, (await EvaluationStore.CastAsync(db, clock, Qr("13700000000", "10.0.0.3"), default)).Refused);
        Assert.True((await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.0.0.4"), default)).Taken);

        // The ballot keeps no phone or household id in clear, and the comment waits for screening.
        var ballot = await db.MassBallots.AsNoTracking().FirstAsync();
        Assert.DoesNotContain(phones[0], ballot.HouseholdKey, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1", ballot.AddressKey!, StringComparison.Ordinal);
        Assert.All(await db.MassRatings.AsNoTracking().ToListAsync(), r => Assert.Equal(CommentScreening.Pending, r.Screening));

        // A burst from one address: beyond the policy's hourly limit (20), refused whatever the phone.
        for (var i = 0; i < 20; i++)
        {
            await EvaluationStore.CastAsync(db, clock, Qr("1360000" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), "10.9.9.9"), default);
        }
        Assert.Equal(RefusalReason.Burst, (await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.9.9.9"), default)).Refused);
        // An hour later the address may rate again (and the household already has: refused as such).
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.9.9.9"), default)).Refused);

        var refusals = await db.BallotRefusals.AsNoTracking().GroupBy(r => r.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(2, refusals[RefusalReason.Again]);
        Assert.Equal(21, refusals[RefusalReason.UnknownPhone]);
        Assert.Equal(1, refusals[RefusalReason.Burst]);
        Assert.Equal(2, await db.MassBallots.CountAsync());

        // Paper forms: a one-time code per household, used once.
        var office = new OfficeActor("office", code => code.StartsWith(village[..6], StringComparison.Ordinal));
        var codes = await EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, 2, default);
        Assert.Equal(2, codes.Distinct().Count());
        BallotInput Paper(string code) => new(village, BallotChannel.Paper, null, code, ratings, EnteredBy: "township-office");
        Assert.True((await EvaluationStore.CastAsync(db, clock, Paper(codes[0].ToLowerInvariant()), default)).Taken);
        Assert.Equal(RefusalReason.BadCode, (await EvaluationStore.CastAsync(db, clock, Paper(codes[0]), default)).Refused);
        Assert.Equal(RefusalReason.BadCode, (await EvaluationStore.CastAsync(db, clock, Paper("NOTACODE22"), default)).Refused);

        // Three ballots rate the First Secretary: satisfaction counts them all.
        var counted = await db.MassRatings.CountAsync(r => r.CadreId == author.CadreId && r.Year == 2026);
        Assert.Equal(3, counted);
    }
}
