using System.Globalization;
using System.Text;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Data.Tests;

/// <summary>A newer NBS list: renames, new codes, withdrawn codes and village merges, previewed and applied; the city recorded; profiles migrated.</summary>
public class DivisionChangeTests
{
    private const string TwoCounties = DivisionImportTests.Base +
        "370830100202,后村村委会,village,370830100,\n370831,泗水县,county,3708,\n370831100,泗张镇,township,370831,\n370831100201,东村村委会,village,370831100,\n";

    /// <summary>Next year's list of 汶上县: 前村 renamed, 后村 gone, 新村 new; the province and city above it, no other county.</summary>
    private const string NextYear = DivisionImportTests.Header +
        "37,山东省,province,,\n3708,济宁市,city,37,\n370830,汶上县,county,3708,\n370830100,南站镇,township,370830,\n" +
        "370830100201,前进村委会,village,370830100,village\n370830100203,新村村委会,village,370830100,\n";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_newer_list_renames_adds_and_withdraws_within_its_own_county_and_a_code_listed_again_is_in_force_again(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        var clock = new Liaison.Tests.Shared.FixedClock(new DateTimeOffset(2027, 1, 5, 10, 0, 0, ChinaTime.Offset));
        await DivisionImporter.ImportAsync(db, clock, files.Text("2026.csv", TwoCounties), null, null, default);

        var preview = await DivisionImporter.PreviewAsync(db, files.Text("2027.csv", NextYear), null, default);
        Assert.True(preview.Acceptable);
        Assert.Equal((1L, 1L, 1L), (preview.Adds, preview.Changes, preview.Ends));
        Assert.Equal("370830100203", Assert.Single(preview.Added).Key);
        Assert.Equal("前进村委会", Assert.Single(preview.Changed).Fields.Single().After.Zh);
        var ended = Assert.Single(preview.Ended);
        Assert.Equal("370830100202", ended.Key);
        Assert.Contains("无记录", ended.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("no records", ended.Reason.En, StringComparison.Ordinal);
        // A preview writes nothing.
        Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "370830100202")).WithdrawnOn);

        var result = await DivisionImporter.ImportAsync(db, clock, files.Text("2027.csv", NextYear), null, null, default);
        Assert.Equal((1, 0), (result.Withdrawn, result.Merged));
        var gone = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "370830100202");
        Assert.Equal(new DateOnly(2027, 1, 5), gone.WithdrawnOn);
        Assert.True(gone.InForceOn(new DateOnly(2027, 1, 4)));
        Assert.False(gone.InForceOn(new DateOnly(2027, 1, 5)));
        // The other county, absent from a list that speaks for 汶上县 only, is untouched.
        Assert.False(await db.Divisions.AnyAsync(d => d.Code.StartsWith("370831") && d.WithdrawnOn != null));
        Assert.Equal(2, (await RollupStore.ForDivisionAsync(db, "370830100", default))["villages"]);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "division.withdraw" && e.EntityKey == "370830100202"));

        // The older list again: 后村 is in force again, and the preview says so.
        var back = await DivisionImporter.PreviewAsync(db, files.Text("again.csv", TwoCounties), null, default);
        var change = back.Changed.Single(c => c.Key == "370830100202");
        Assert.Contains(change.Fields, f => f.Before.Zh == "已撤销");
        await DivisionImporter.ImportAsync(db, clock, files.Text("again.csv", TwoCounties), null, null, default);
        Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "370830100202")).WithdrawnOn);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_first_import_of_a_city_records_it_without_a_telephone_and_never_overrides_a_city_set(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        Assert.False(await db.City.AnyAsync());

        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("linyi.csv", CityIdentityTests.Linyi), null, null, default);

        var recorded = await db.City.AsNoTracking().SingleAsync();
        Assert.Equal(("3713", "临沂市", null, null, false), (recorded.Code, recorded.Name, recorded.Telephone, recorded.Title, recorded.IsDemo));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "city.set"));

        await CityStore.SetAsync(db, TimeProvider.System, new Actor("office-test"), "3713", "临沂", "临沂市驻村联系服务", "0539-12380", false, default);
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("linyi2.csv", CityIdentityTests.Linyi), null, null, default);
        var kept = await db.City.AsNoTracking().SingleAsync();
        Assert.Equal(("临沂", "0539-12380", "office-test"), (kept.Name, kept.Telephone, kept.SetBy));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "city.set"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_withdrawn_village_with_records_is_refused_until_merged_and_the_merge_moves_its_households_and_ends_its_ties_for_the_replan(string provider)
    {
        var (t, db, _, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        using var files = new TestFiles();
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var stored = await db.Divisions.AsNoTracking().ToListAsync();
        var old = stored.Single(d => d.Code == village);
        var into = stored.Where(d => d.ParentCode == old.ParentCode && d.Code != village && d.Level == DivisionLevel.Village).OrderBy(d => d.Code).First();
        var list = files.Text("nbs-2027.csv", Csv(stored.Where(d => d.Code != village)));
        var currentHere = await db.Households.CountAsync(h => h.VillageCode == village && h.Status == HouseholdStatus.Current);
        var currentThere = await db.Households.CountAsync(h => h.VillageCode == into.Code && h.Status == HouseholdStatus.Current);
        var visitsHere = await db.HouseholdVisits.CountAsync(v => v.VillageCode == village);
        Assert.True(currentHere > 0);
        Assert.True(await db.LiaisonTies.AnyAsync(x => x.DivisionCode == village && x.Until == null));

        // No merge declared: the preview says why, in both languages, and the import is refused whole.
        var refused = await DivisionImporter.PreviewAsync(db, list, null, default);
        Assert.False(refused.Acceptable);
        Assert.Equal(village, Assert.Single(refused.Ended).Key);
        var message = Assert.Single(refused.ProblemMessages);
        Assert.Contains(village, message.Zh, StringComparison.Ordinal);
        Assert.Contains("--merges", message.En, StringComparison.Ordinal);
        Assert.Contains("户农户", message.Zh, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ImportRefusedException>(() => DivisionImporter.ImportAsync(db, clock, list, null, null, default));
        Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == village)).WithdrawnOn);
        Assert.Equal(currentHere, await db.Households.CountAsync(h => h.VillageCode == village && h.Status == HouseholdStatus.Current));
        // Confirming the withdrawal is the other way through.
        Assert.True((await DivisionImporter.PreviewAsync(db, list, null, default, new DivisionChangeOptions(Withdraw: true))).Acceptable);

        // A merge into a code the list does not have is refused on the merges file's line.
        var wrong = files.Text("merges-wrong.csv", $"原代码,并入代码\n{village},{old.ParentCode}999\n");
        var bad = await DivisionImporter.PreviewAsync(db, list, null, default, new DivisionChangeOptions(wrong));
        Assert.Contains(bad.Problems, p => p.File == "merges-wrong.csv" && p.Line == 2 && p.Reason == ImportReason.MergeIntoUnknown);

        var merges = files.Text("merges.csv", $"原代码,并入代码,原名称,依据\n{village},{into.Code},{old.Name},汶政字〔2026〕12号\n");
        var preview = await DivisionImporter.PreviewAsync(db, list, null, default, new DivisionChangeOptions(merges));
        Assert.True(preview.Acceptable, string.Join("; ", preview.ProblemMessages.Select(m => m.En)));
        Assert.Contains(into.Code, Assert.Single(preview.Ended).Reason.Zh, StringComparison.Ordinal);

        var result = await DivisionImporter.ImportAsync(db, clock, list, null, null, default, new Actor("office-test"), new DivisionChangeOptions(merges));
        Assert.Equal((1, 1), (result.Withdrawn, result.Merged));

        var withdrawn = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == village);
        Assert.Equal((today, into.Code), (withdrawn.WithdrawnOn, withdrawn.MergedInto));
        // The households moved, as themselves, and still open (their personal data re-bound to the new row).
        Assert.Equal(0, await db.Households.CountAsync(h => h.VillageCode == village && h.Status == HouseholdStatus.Current));
        Assert.Equal(currentThere + currentHere, await db.Households.CountAsync(h => h.VillageCode == into.Code && h.Status == HouseholdStatus.Current));
        var moved = await db.Households.AsNoTracking().SingleAsync(h => h.Id == households[0]);
        Assert.Equal(into.Code, moved.VillageCode);
        Assert.False(string.IsNullOrEmpty(moved.HeadName));
        var e = await db.RegistryEvents.AsNoTracking().SingleAsync(x => x.Kind == RegistryKind.Household && x.RecordId == households[0] && x.On == today);
        Assert.Equal((RegistryAction.Edited, into.Code), (e.Action, e.DivisionCode));
        Assert.StartsWith(village + "/", e.OtherKey, StringComparison.Ordinal);
        // Visits stay with the old village, as history.
        Assert.Equal(visitsHere, await db.HouseholdVisits.CountAsync(v => v.VillageCode == village));
        // Its ties and postings ended on the day, with the reason naming the village merged into.
        Assert.False(await db.LiaisonTies.AnyAsync(x => x.DivisionCode == village && x.Until == null));
        Assert.False(await db.SecretaryPostings.AnyAsync(p => p.VillageCode == village && p.Until == null));
        var ended = await db.LiaisonTies.AsNoTracking().Where(x => x.DivisionCode == village && x.Until == today).ToListAsync();
        Assert.NotEmpty(ended);
        Assert.All(ended, x => Assert.Contains($"并入 {into.Code}", x.EndReason, StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(x => x.Action == "division.withdraw" && x.EntityKey == village));
        Assert.Equal(currentThere + currentHere, (await RollupStore.ForDivisionAsync(db, into.Code, default))[Indicators.Households.Id]);

        // The planner no longer plans the old village; the re-plan ties the one it merged into.
        var run = await LiaisonStore.PlanAsync(db, clock, new Actor("office-test"), 2026, today, default);
        Assert.False(run.World.Places.ContainsKey(village));
        Assert.False(await db.LiaisonTies.AnyAsync(x => x.DivisionCode == village && x.Until == null));
        Assert.True(await db.LiaisonTies.AnyAsync(x => x.DivisionCode == into.Code && x.Until == null));

        // An old households file that still names the withdrawn village is refused, pointing at the village it merged into.
        var late = files.Text("households.csv", $"村代码,门牌号,户主姓名,家庭人口\n{village},99号,王五,3\n");
        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() => new People.HouseholdImporter(clock).ImportAsync(db, late, null, default));
        Assert.Contains(refusal.ImportProblems, p => p.Reason == ImportReason.WithdrawnCode && p.Message().Zh.Contains($"已并入 {into.Code}", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_older_database_gets_this_years_village_profiles_from_its_division_columns(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider, migrate: false);
        await using (var db = t.Open())
        {
            var all = db.Database.GetMigrations().ToList();
            var mine = all.FindIndex(m => m.EndsWith("_NbsCodeChanges", StringComparison.Ordinal));
            Assert.True(mine > 0);
            await db.GetService<IMigrator>().MigrateAsync(all[mine - 1]);
            // As an older database holds them: a graded village with coordinates, one with a type only, one with nothing, one with a profile row already.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO divisions (code, name, level, parent_code, village_kind, latitude, longitude, village_type, party_org_grade) VALUES " +
                "('37', '山东省', 1, NULL, NULL, NULL, NULL, 0, NULL), ('3708', '济宁市', 2, '37', NULL, NULL, NULL, 0, NULL), " +
                "('370830', '汶上县', 3, '3708', NULL, NULL, NULL, 0, NULL), ('370830100', '南站镇', 4, '370830', NULL, NULL, NULL, 0, NULL), " +
                "('370830100201', '前村村委会', 5, '370830100', 1, 35.7, 116.5, 1, 3), ('370830100202', '后村村委会', 5, '370830100', 1, NULL, NULL, 2, NULL), " +
                "('370830100203', '东村村委会', 5, '370830100', 1, NULL, NULL, 0, NULL), ('370830100204', '西村村委会', 5, '370830100', 1, 35.1, 116.1, 0, 1)");
        }
        await using (var db = t.Open())
        {
            db.VillageProfiles.Add(new VillageProfile { VillageCode = "370830100204", Year = 2025, Types = VillageType.None, Grade = PartyOrgGrade.Advanced, Source = ProfileSource.Import, SourceFile = "2025.xlsx", UpdatedBy = "cli", UpdatedAt = TimeProvider.System.GetUtcNow(), Version = Guid.NewGuid() });
            await db.SaveChangesAsync();
            await Liaison.Data.Database.Schema.MigrateAsync(db, default);
        }
        await using (var db = t.Open())
        {
            var year = ChinaTime.Today(TimeProvider.System).Year;
            var profiles = await db.VillageProfiles.AsNoTracking().OrderBy(p => p.VillageCode).ThenBy(p => p.Year).ToListAsync();
            Assert.Equal(["370830100201", "370830100202", "370830100204"], profiles.Select(p => p.VillageCode));
            var first = profiles[0];
            Assert.Equal((year, (VillageType)1, (PartyOrgGrade?)3, 35.7, 116.5, ProfileSource.Migrated, "migration"),
                (first.Year, first.Types, first.Grade, first.Latitude!.Value, first.Longitude!.Value, first.Source, first.UpdatedBy));
            Assert.Equal("migrated from the division columns on " + ChinaTime.DateOf(first.UpdatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.Origin().En);
            Assert.Equal(year, ChinaTime.DateOf(first.UpdatedAt).Year);
            Assert.NotEqual(Guid.Empty, first.Version);
            Assert.Equal(((VillageType)2, (PartyOrgGrade?)null, (double?)null), (profiles[1].Types, profiles[1].Grade, profiles[1].Latitude));
            // The village that had a profile keeps only its own.
            Assert.Equal(2025, profiles[2].Year);
        }
    }

    private static string Csv(IEnumerable<Division> divisions)
    {
        var csv = new StringBuilder(DivisionImportTests.Header);
        foreach (var d in divisions.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{d.Code},{d.Name},{DivisionCode.LevelName(d.Level)},{d.ParentCode},{d.VillageKind?.ToString().ToLowerInvariant()}\n");
        }
        return csv.ToString();
    }
}
