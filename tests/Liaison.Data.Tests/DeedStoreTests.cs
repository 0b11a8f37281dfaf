using Liaison.Data.Liaisons;
using Liaison.Data.Results;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

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

        var deed = await DeedStore.RecordAsync(db, clock, township, null,
            new DeedInput(village, "road", day, [new DeedAmount("length", 1.25m, "公里")], CadreCode: cadre, Evidence: "村南生产路硬化，宽 3.5 米"), default);
        var stored = await db.Deeds.AsNoTracking().SingleAsync(d => d.Id == deed.Id);
        Assert.Equal(("road", village, 2026, "township-office"), (stored.Kind, stored.VillageCode, stored.Year, stored.RecordedBy));
        Assert.Equal(1.25m, (await db.DeedQuantities.AsNoTracking().SingleAsync(q => q.DeedId == deed.Id)).Value);
        var key = deed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "deed.record" && a.EntityKey == key));

        // Metres for a road's kilometres; a village of another township; no one named; a day to come.
        var unit = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, township, null,
            new DeedInput(village, "road", day, [new DeedAmount("length", 800, "米")], CadreCode: cadre), default));
        var wrong = Assert.Single(unit.Problems);
        Assert.Equal(("quantities.length", "unit"), (wrong.Field, wrong.Code));
        Assert.Contains("公里", wrong.Zh, StringComparison.Ordinal);
        var elsewhere = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith(village.Substring(0, 9)))
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var refused = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, township, null,
            new DeedInput(elsewhere, "well", day.AddDays(30), [new DeedAmount("wells", 2)]), default));
        Assert.Equal(["cadre", "on", "villageCode"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.Deeds.CountAsync());
        Assert.Equal(1, await db.DeedQuantities.CountAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deeds_reach_the_report_by_kind_and_month_with_kilometres_to_the_metre_up_to_the_township_and_verify_agrees(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        var township = new OfficeActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal));
        var neighbour = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.Code.StartsWith(village.Substring(0, 9)) && d.Code != village)
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var deeds = new[]
        {
            new DeedInput(village, "road", new DateOnly(2026, 5, 3), [new DeedAmount("length", 1.25m)], CadreCode: cadre),
            new DeedInput(village, "road", new DateOnly(2026, 6, 9), [new DeedAmount("length", 0.8m, "km")], CadreCode: cadre),
            new DeedInput(neighbour, "funds", new DateOnly(2026, 6, 1), [new DeedAmount("amount", 150_000.50m, "元")], CadreCode: cadre, Source: "市交通局"),
            new DeedInput(village, "student-aid", new DateOnly(2026, 6, 2), [new DeedAmount("students", 3), new DeedAmount("amount", 4_500)], CadreCode: cadre),
            new DeedInput(village, "legal-adviser", new DateOnly(2026, 6, 6), [new DeedAmount("times", 2), new DeedAmount("people", 41)], CadreCode: cadre),
        };
        foreach (var deed in deeds)
        {
            await DeedStore.RecordAsync(db, clock, township, null, deed, default);
        }
        await Field.FieldRollups.DrainAllAsync(db, default);

        var here = await Reporting.RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((4L, 2050L, 3L, 4500L, 2L, 41L), (here[R.Deeds.Id], here[R.DeedRoads.Id], here[R.DeedStudents.Id], here[R.DeedStudentAid.Id], here[R.DeedServices.Id], here[R.DeedServicePeople.Id]));
        Assert.Equal(2.05m, R.DeedRoads.ValueOf(here[R.DeedRoads.Id]));
        var town = await Reporting.RollupStore.ForDivisionAsync(db, village[..9], default);
        Assert.Equal((5L, 150_000L, 2050L), (town[R.Deeds.Id], town[R.DeedFunds.Id], town[R.DeedRoads.Id]));
        Assert.Equal(800, await db.RollupMonths.Where(m => m.DivisionCode == village && m.IndicatorId == R.DeedRoads.Id && m.Month == 6).Select(m => m.Value).SingleAsync());
        Assert.Empty((await Reporting.RollupVerifier.VerifyAsync(db, default)).Differences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_deed_for_several_villages_is_one_each_and_a_deed_fulfils_a_target_or_a_support_of_its_own_village_only(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.Until == null && p.Year == today.Year).OrderBy(p => p.VillageCode).FirstAsync();
        var village = posting.VillageCode;
        var neighbours = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.ParentCode == village.Substring(0, 9) && d.Code != village)
            .OrderBy(d => d.Code).Select(d => d.Code).Take(2).ToListAsync();
        var office = new OfficeActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal));
        var unit = await db.Units.AsNoTracking().Where(u => u.Status == Domain.People.UnitStatus.Open).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync();
        var checks = new DeedInput(village, "health-check", today, [new DeedAmount("people", 40)], UnitCode: unit, Evidence: "县医院义诊", AlsoVillages: neighbours);

        var all = await DeedStore.RecordAllAsync(db, clock, office, null, checks, default);
        Assert.Equal([village, .. neighbours], all.Select(d => d.VillageCode));
        var ids = all.Select(d => d.Id).ToList();
        Assert.Equal([40m, 40m, 40m], await db.DeedQuantities.AsNoTracking().Where(q => ids.Contains(q.DeedId)).Select(q => q.Value).ToListAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "deed.record"));

        // A village out of reach among them refuses the whole entry; so does a link with several villages.
        var far = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith(village.Substring(0, 9)))
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var outside = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAllAsync(db, clock, office, null, checks with { AlsoVillages = [neighbours[0], far] }, default));
        Assert.Equal(("alsoVillages", "out-of-reach"), (Assert.Single(outside.Problems).Field, outside.Problems[0].Code));
        var crowd = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAllAsync(db, clock, office, null,
            checks with { AlsoVillages = [.. Enumerable.Range(0, Domain.Results.Deed.MaxVillages).Select(i => $"3708{i:D8}")] }, default));
        Assert.Equal(("alsoVillages", "count"), (Assert.Single(crowd.Problems).Field, crowd.Problems[0].Code));

        // The First Secretary's agreement target and the sending unit's support, both of the village.
        var agreement = await AgreementStore.DraftAsync(db, clock, office, village, today.Year,
            [new TargetInput("development", "硬化村内道路", "公里", 2, new DateOnly(today.Year, 12, 31))], default);
        var target = await db.AgreementTargets.AsNoTracking().Where(x => x.AgreementId == agreement.Id).Select(x => x.Id).SingleAsync();
        var support = new Domain.Secretaries.SecretarySupport { PostingId = posting.Id, Kind = Domain.Secretaries.SupportKind.Funds, Amount = 200_000, Description = "派出单位帮扶资金", On = today, RecordedAt = clock.GetUtcNow(), RecordedBy = "office" };
        db.SecretarySupports.Add(support);
        await db.SaveChangesAsync();
        var road = new DeedInput(village, "road", today, [new DeedAmount("length", 1.2m)], UnitCode: unit, AgreementTargetId: target, SupportId: support.Id);
        var linked = await DeedStore.RecordAsync(db, clock, office, null, road, default);
        Assert.Equal(((long?)target, (long?)support.Id), (linked.AgreementTargetId, linked.SupportId));
        var several = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null, road with { AlsoVillages = [neighbours[0]] }, default));
        Assert.Equal("one-village", Assert.Single(several.Problems).Code);
        var wrongVillage = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null, road with { VillageCode = neighbours[0] }, default));
        Assert.Equal(["agreementTargetId", "supportId"], wrongVillage.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(4, await db.Deeds.CountAsync());

        // A work team did it where it is stationed: the township's team for its villages, not for one elsewhere.
        var team = await WorkTeamStore.CreateAsync(db, clock, new OfficeActor("admin", _ => true), new WorkTeamInput(today.Year, village[..9], null, null), default);
        var byTeam = await DeedStore.RecordAllAsync(db, clock, office, null,
            new DeedInput(village, "well", today, [new DeedAmount("wells", 1)], AlsoVillages: [neighbours[0]], TeamId: team.Id), default);
        Assert.All(byTeam, d => Assert.Equal(((long?)team.Id, (int?)null, (int?)null), (d.TeamId, d.CadreId, d.UnitId)));
        var county = new OfficeActor("county-office", _ => true);
        var elsewhere = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, county, null,
            new DeedInput(far, "well", today, [new DeedAmount("wells", 1)], TeamId: team.Id), default));
        Assert.Equal(("team", "unknown"), (Assert.Single(elsewhere.Problems).Field, elsewhere.Problems[0].Code));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_deeds_photos_are_kept_with_it_when_they_are_images_and_refused_by_type_size_and_number_otherwise(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var office = new OfficeActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal));
        var unit = await db.Units.AsNoTracking().Where(u => u.Status == Domain.People.UnitStatus.Open).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync();
        byte[] Jpeg(int size) => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[size - 4]];
        DeedInput Well(params DeedPhotoInput[] photos) => new(village, "well", today, [new DeedAmount("wells", 1)], UnitCode: unit, Photos: photos);

        var deed = await DeedStore.RecordAsync(db, clock, office, null, Well(new("井口.jpg", Jpeg(2_000)), new("验收.jpg", Jpeg(3_000))), default);
        var kept = await db.DeedPhotos.AsNoTracking().Where(p => p.DeedId == deed.Id).OrderBy(p => p.Number).ToListAsync();
        Assert.Equal([(1, "image/jpeg", 2_000), (2, "image/jpeg", 3_000)], kept.Select(p => (p.Number, p.ContentType, p.Content.Length)));

        // A PDF named .jpg, one too large, one too many: each refused, nothing stored.
        var type = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null, Well(new DeedPhotoInput("合同.jpg", "%PDF-1.7"u8.ToArray())), default));
        Assert.Equal(("photos", "type"), (Assert.Single(type.Problems).Field, type.Problems[0].Code));
        Assert.Contains("合同.jpg", type.Problems[0].Zh, StringComparison.Ordinal);
        var size = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null, Well(new DeedPhotoInput("大图.jpg", Jpeg(DeedPhotoLimit + 1))), default));
        Assert.Equal("size", Assert.Single(size.Problems).Code);
        var many = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null,
            Well([.. Enumerable.Range(1, Domain.Results.DeedPhoto.MaxPerDeed + 1).Select(i => new DeedPhotoInput($"{i}.jpg", Jpeg(100)))]), default));
        Assert.Equal("count", Assert.Single(many.Problems).Code);
        Assert.Equal(1, await db.Deeds.CountAsync());
        Assert.Equal(2, await db.DeedPhotos.CountAsync());
    }

    private const int DeedPhotoLimit = Domain.Results.DeedPhoto.MaxBytes;
}
