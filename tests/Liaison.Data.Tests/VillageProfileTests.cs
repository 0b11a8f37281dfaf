using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>Village profiles (村情) on a new city's data: villages with no profile, then profiles imported and edited (both providers).</summary>
public class VillageProfileTests
{
    /// <summary>A city that is not Jining: Linyi's 兰山区, one township, three villages and a community, no profile at all.</summary>
    private const string Divisions = DivisionImportTests.Header +
        "37,山东省,province,,\n3713,临沂市,city,37,\n371302,兰山区,county,3713,\n371302100,半程镇,township,371302,\n" +
        "371302100201,东村村委会,village,371302100,village\n371302100202,西村村委会,village,371302100,village\n" +
        "371302100203,南村村委会,village,371302100,village\n371302100001,半程社区居委会,village,371302100,community\n";

    private const string Header = "村代码,年度,村类型,党组织等级,纬度,经度,人口,户数,村集体收入,距乡镇驻地公里,备注\n";

    private readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    private async Task<(TestDb, LiaisonDb, TestFiles)> NewCityAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        var db = t.Open();
        await DivisionImporter.ImportAsync(db, Clock, files.Text("linyi.csv", Divisions), null, null, default);
        return (t, db, files);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Imported_profiles_are_kept_by_year_and_the_villages_current_profile_follows_the_latest(string provider)
    {
        var (t, db, files) = await NewCityAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            // A new city: nothing graded, nothing placed.
            Assert.Equal(4, await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Village && d.PartyOrgGrade == null && d.Latitude == null));

            var first = await new VillageProfileImporter(Clock, "村情2025.csv", new Actor("county-office"), 2025).ImportAsync(db, files.Text("村情2025.csv",
                "村代码,村类型,党组织等级,纬度,经度,人口,户数\n" +
                "371302100201,难村、乱村,后进,35.1,118.3,1850,520\n" +
                "371302100202,,一般,35.2,118.4,900,300\n" +
                "371302100203,穷村,未定级,,,700,\n"), null, default, new Actor("county-office"));
            Assert.Equal(3, first.Rows);

            var east = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100201");
            Assert.Equal(PartyOrgGrade.Backward, east.PartyOrgGrade);
            Assert.Equal(VillageType.Difficult | VillageType.Disorderly, east.VillageType);
            Assert.Equal(35.1, east.Latitude);
            Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100203")).PartyOrgGrade);
            Assert.Equal(1, (await RollupStore.ForDivisionAsync(db, "371302", default))["villages_backward_org"]);

            // The next year's file grades the east village better and gives no coordinates: the grade follows the latest year, the coordinates the latest that has them.
            await new VillageProfileImporter(Clock, "村情2026.xlsx", new Actor("county-office")).ImportAsync(db, files.Text("村情2026.csv",
                Header + "371302100201,2026,难村,一般,,,1870,525,\"120,000\",6.5,修路后交通改善\n"), null, default);

            east = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100201");
            Assert.Equal(PartyOrgGrade.General, east.PartyOrgGrade);
            Assert.Equal(VillageType.Difficult, east.VillageType);
            Assert.Equal(35.1, east.Latitude);
            var history = await VillageProfileStore.HistoryAsync(Scoped.Operator(db), "371302100201", default);
            Assert.Equal([2026, 2025], history.Select(p => p.Year));
            Assert.Equal(120_000m, history[0].CollectiveIncome);
            Assert.Equal(6.5, history[0].SeatDistanceKm);
            Assert.Equal("修路后交通改善", history[0].Remarks);
            Assert.Equal(ProfileSource.Import, history[0].Source);
            Assert.Equal("村情2026.xlsx", history[0].SourceFile);
            Assert.Equal(PartyOrgGrade.Backward, history[1].Grade);
            Assert.Contains("村情2026.xlsx", history[0].Origin().Zh, StringComparison.Ordinal);
            Assert.Equal(0, (await RollupStore.ForDivisionAsync(db, "371302", default)).GetValueOrDefault("villages_backward_org"));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "import.village-profiles" && e.Entity == "village-profiles"));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bad_row_refuses_the_whole_file_naming_line_column_and_reason(string provider)
    {
        var (t, db, files) = await NewCityAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var path = files.Text("bad.csv", Header +
                "371302100201,2026,难村,后进,35.1,118.3,1850,520,,,\n" +
                "371302100202,2026,富村,一般,,,,,,,\n" +
                "371302100203,2026,,较差,,,,,,,\n" +
                "371302100299,2026,,一般,,,,,,,\n" +
                "371302100201,2026,,先进,118.3,35.1,12.5,,,,\n");

            var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => new VillageProfileImporter(Clock, "bad.csv", Actor.Cli).ImportAsync(db, path, null, default));

            var problems = refused.ImportProblems;
            Assert.Contains(problems, p => p.Line == 3 && p.Column == "村类型" && p.Message().Zh.Contains("富村", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Line == 4 && p.Column == "党组织等级" && p.Message().Zh.Contains("先进/一般/后进/未定级", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Line == 5 && p.Column == "村代码" && p.Reason == ImportReason.UnknownVillage);
            Assert.Contains(problems, p => p.Line == 6 && p.Column == "纬度");
            Assert.Contains(problems, p => p.Line == 6 && p.Column == "人口");
            Assert.All(problems, p => Assert.Equal("bad.csv", p.File));
            Assert.Equal(0, await db.VillageProfiles.CountAsync());
            Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100201")).PartyOrgGrade);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "import.village-profiles"));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_page_save_writes_the_year_the_current_columns_and_the_audit_and_a_stale_second_save_is_refused_with_what_differs(string provider)
    {
        var (t, db, files) = await NewCityAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            VillageProfile Proposed(PartyOrgGrade? grade, int population) => new()
            {
                VillageCode = "371302100202",
                Year = 2026,
                Grade = grade,
                Types = VillageType.Poor,
                Latitude = 35.2,
                Longitude = 118.4,
                Population = population,
                UpdatedBy = "",
            };

            // The first office grades a village that had no profile at all.
            Assert.Empty(await VillageProfileStore.SaveAsync(db, Clock, new Actor("county-office"), Proposed(PartyOrgGrade.Backward, 900), null, default));
            var saved = await db.VillageProfiles.AsNoTracking().SingleAsync();
            Assert.Equal(ProfileSource.Page, saved.Source);
            Assert.Equal("county-office", saved.UpdatedBy);
            Assert.Contains("由 county-office 在村页面编辑", saved.Origin().Zh, StringComparison.Ordinal);
            var village = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100202");
            Assert.Equal((PartyOrgGrade.Backward, VillageType.Poor, 35.2), (village.PartyOrgGrade!.Value, village.VillageType, village.Latitude!.Value));
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == "village-profile.save");
            Assert.Equal(("county-office", "371302100202", "371302100202/2026"), (audit.Actor, audit.DivisionCode!, audit.EntityKey!));
            Assert.Contains("后进", audit.After, StringComparison.Ordinal);
            Assert.Equal(1, (await RollupStore.ForDivisionAsync(db, "371302", default))["villages_backward_org"]);

            // Two offices opened the form on this version; the township saves first, the county's save is refused.
            var opened = saved.Version;
            Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(await VillageProfileStore.SaveAsync(db, Clock, new Actor("township-office"), Proposed(PartyOrgGrade.General, 950), opened, default));
            var refused = await VillageProfileStore.SaveAsync(db, Clock, new Actor("county-office"), Proposed(PartyOrgGrade.Advanced, 900), opened, default);

            var problem = Assert.Single(refused);
            Assert.Equal("concurrency", problem.Code);
            Assert.True(problem.Zh.Contains("township-office 已于 2026-03-02 09:05:00 保存了该村 2026 年度村情", StringComparison.Ordinal), problem.Zh);
            Assert.Contains("党组织定级：现为 一般，您填写 先进", problem.Zh, StringComparison.Ordinal);
            Assert.Contains("Population: now 950, yours 900", problem.En, StringComparison.Ordinal);
            Assert.Equal(PartyOrgGrade.General, (await db.VillageProfiles.AsNoTracking().SingleAsync()).Grade);
            Assert.Equal(PartyOrgGrade.General, (await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == "371302100202")).PartyOrgGrade);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "village-profile.save"));

            // A bad value is refused by its field, nothing written.
            var bad = Proposed(PartyOrgGrade.Advanced, 900);
            bad.Latitude = 118.4;
            var latest = (await db.VillageProfiles.AsNoTracking().SingleAsync()).Version;
            Assert.Equal("latitude", Assert.Single(await VillageProfileStore.SaveAsync(db, Clock, new Actor("county-office"), bad, latest, default)).Field);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "village-profile.save"));
        }
    }
}
