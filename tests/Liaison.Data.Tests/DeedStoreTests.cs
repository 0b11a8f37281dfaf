using Liaison.Data.Liaisons;
using Liaison.Data.Results;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>实事好事 (issue 21): a deed recorded with its quantities in the kind's units, or refused whole by field.</summary>
public class DeedStoreTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_road_hardened_is_recorded_with_its_length_and_a_deed_in_another_unit_or_out_of_reach_is_refused_and_nothing_is_stored(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        var township = new OfficeActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal));
        var day = new DateOnly(2026, 6, 1);

        var deed = await DeedStore.RecordAsync(db, clock, township,
            new DeedInput(village, "road", day, [new DeedAmount("length", 1.25m, "公里")], CadreCode: cadre, Evidence: "村南生产路硬化，宽 3.5 米"), default);
        var stored = await db.Deeds.AsNoTracking().SingleAsync(d => d.Id == deed.Id);
        Assert.Equal(("road", village, 2026, "township-office"), (stored.Kind, stored.VillageCode, stored.Year, stored.RecordedBy));
        Assert.Equal(1.25m, (await db.DeedQuantities.AsNoTracking().SingleAsync(q => q.DeedId == deed.Id)).Value);
        var key = deed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "deed.record" && a.EntityKey == key));

        // Metres for a road's kilometres; a village of another township; no one named; a day to come.
        var unit = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, township,
            new DeedInput(village, "road", day, [new DeedAmount("length", 800, "米")], CadreCode: cadre), default));
        var wrong = Assert.Single(unit.Problems);
        Assert.Equal(("quantities.length", "unit"), (wrong.Field, wrong.Code));
        Assert.Contains("公里", wrong.Zh, StringComparison.Ordinal);
        var elsewhere = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith(village.Substring(0, 9)))
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var refused = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, township,
            new DeedInput(elsewhere, "well", day.AddDays(30), [new DeedAmount("wells", 2)]), default));
        Assert.Equal(["cadre", "on", "villageCode"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.Deeds.CountAsync());
        Assert.Equal(1, await db.DeedQuantities.CountAsync());
    }
}
