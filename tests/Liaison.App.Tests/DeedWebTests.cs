using System.Net;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.People;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.App.Tests;

/// <summary>实事好事 on the web: an office records a unit's road and a cadre their own wells; a refusal keeps what was typed; sums, the report and readers elsewhere.</summary>
public sealed class DeedWebTests() : OwnDemoHost(planned: true)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task An_office_records_a_units_road_a_cadre_their_own_wells_the_sums_and_the_report_count_them_and_a_reader_elsewhere_does_not_see_them()
    {
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string unit;
        await using (var db = Demo.Target.CreateContext())
        {
            unit = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        }
        var office = await SignedInAsync("office");
        var form = await office.GetStringAsync("/deeds");
        Assert.Contains("id=\"record-deed\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"q.road.length\"", form, StringComparison.Ordinal);

        // A length that is not a number, and a unit's road in metres' worth of kilometres: refused, what was typed kept.
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/deeds", "record", new()
        {
            ["village"] = Village,
            ["kind"] = "road",
            ["q.road.length"] = "一千米",
            ["on"] = today,
            ["unit"] = unit,
            ["evidence"] = "村南生产路",
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"quantities.length\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"一千米\"", refused, StringComparison.Ordinal);
        Assert.Contains("村南生产路", refused, StringComparison.Ordinal);

        var recorded = await Forms.PostAsync(office, "/deeds", "record", new()
        {
            ["village"] = Village,
            ["kind"] = "road",
            ["q.road.length"] = "1.5",
            // Another kind's field on the same page does not count.
            ["q.well.wells"] = "9",
            ["on"] = today,
            ["unit"] = unit,
            ["evidence"] = "村南生产路",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var cadre = await SignedInAsync("cadre");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, "/deeds", "record", new()
        {
            ["village"] = Village,
            ["kind"] = "well",
            ["q.well.wells"] = "2",
            ["on"] = today,
        })).StatusCode);

        await using (var db = Demo.Target.CreateContext())
        {
            var deeds = await db.Deeds.AsNoTracking().Where(d => d.VillageCode == Village).OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(["road", "well"], deeds.Select(d => d.Kind));
            Assert.NotNull(deeds[0].UnitId);
            var own = await db.Users.AsNoTracking().Where(a => a.UserName == "cadre").Select(a => a.CadreId).SingleAsync();
            Assert.Equal(own, deeds[1].CadreId);
            Assert.Equal([1.5m, 2m], await db.DeedQuantities.AsNoTracking().Where(q => q.DeedId == deeds[0].Id || q.DeedId == deeds[1].Id).OrderBy(q => q.DeedId).Select(q => q.Value).ToListAsync());
            await FieldRollups.DrainAllAsync(db, default);
            var village = await RollupStore.ForDivisionAsync(db, Village, default);
            Assert.Equal((2L, 1500L, 2L), (village[R.Deeds.Id], village[R.DeedRoads.Id], village[R.DeedWells.Id]));
        }
        var listed = WebUtility.HtmlDecode(await office.GetStringAsync("/deeds?code=370830001"));
        Assert.Contains("长度 1.5 公里", listed, StringComparison.Ordinal);
        Assert.Contains("眼数 2 个", listed, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"road\"", listed, StringComparison.Ordinal);
        // Sums for a unit (its own deeds and its cadres') and for a period.
        var ofUnit = WebUtility.HtmlDecode(await office.GetStringAsync($"/deeds?unit={unit}"));
        Assert.Contains("data-kind=\"road\"", ofUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("data-deed=", await office.GetStringAsync("/deeds?unit=NO-SUCH-UNIT"), StringComparison.Ordinal);
        var tomorrow = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("data-deed=", await office.GetStringAsync($"/deeds?from={tomorrow}"), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"well\"", await office.GetStringAsync($"/deeds?to={today}"), StringComparison.Ordinal);
        var report = WebUtility.HtmlDecode(await office.GetStringAsync("/reports/370830001001"));
        Assert.Contains("data-indicator=\"deeds_road_km\"", report, StringComparison.Ordinal);

        // An inspector reads but does not record; a reader of another township sees none of it.
        var inspector = await SignedInAsync("inspector");
        var read = await inspector.GetStringAsync("/deeds");
        Assert.Contains("data-kind=\"well\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"record-deed\"", read, StringComparison.Ordinal);
        var elsewhere = await (await SignedInAsync("other-inspector")).GetStringAsync("/deeds");
        Assert.DoesNotContain("data-kind=\"well\"", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("data-deed=", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_office_enters_a_deed_for_three_villages_once_and_each_village_has_it_and_one_out_of_reach_refuses_the_entry()
    {
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        List<string> neighbours;
        string unit, far;
        long team;
        await using (var db = Demo.Target.CreateContext())
        {
            neighbours = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == "370830001" && d.Code != Village).OrderBy(d => d.Code).Select(d => d.Code).Take(2).ToListAsync();
            // The township office's reach ends at its township.
            far = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith("370830001")).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
            unit = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
            team = (await Liaison.Data.Liaisons.WorkTeamStore.CreateAsync(db, TimeProvider.System, new Liaison.Data.Liaisons.OfficeActor("admin", _ => true),
                new Liaison.Data.Liaisons.WorkTeamInput(Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year, "370830001", null, null), default)).Id;
        }
        var office = await SignedInAsync("township-office");
        Assert.Contains("name=\"alsoVillages\"", await office.GetStringAsync("/deeds"), StringComparison.Ordinal);
        Dictionary<string, string> Form(string also) => new()
        {
            ["village"] = Village,
            ["alsoVillages"] = also,
            ["kind"] = "health-check",
            ["q.health-check.people"] = "35",
            ["on"] = today,
            ["unit"] = unit,
            ["team"] = team.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["evidence"] = "县医院巡回义诊",
        };
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/deeds", "record", Form(neighbours[0] + "," + far))).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"alsoVillages\"", refused, StringComparison.Ordinal);
        Assert.Contains($"value=\"{neighbours[0]},{far}\"", refused, StringComparison.Ordinal);

        var recorded = await Forms.PostAsync(office, "/deeds", "record", Form(string.Join("、", neighbours)));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.StartsWith("/deeds?code=370830001&", recorded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var db = Demo.Target.CreateContext())
        {
            var deeds = await db.Deeds.AsNoTracking().Where(d => d.Evidence == "县医院巡回义诊").OrderBy(d => d.VillageCode).ToListAsync();
            Assert.Equal([Village, .. neighbours], deeds.Select(d => d.VillageCode));
            Assert.All(deeds, d => Assert.Equal(team, d.TeamId));
        }
    }

    [Fact]
    public async Task A_deeds_photo_is_uploaded_with_it_shown_to_its_readers_and_to_no_one_else()
    {
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[500]];
        var cadre = await SignedInAsync("cadre");
        var recorded = await Forms.PostWithFilesAsync(cadre, "/deeds", "record", new()
        {
            ["village"] = Village,
            ["kind"] = "well",
            ["q.well.wells"] = "1",
            ["on"] = today,
            ["evidence"] = "新打机井一眼",
        }, [("photos", "机井.png", png)]);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        long id;
        await using (var db = Demo.Target.CreateContext())
        {
            id = await db.Deeds.AsNoTracking().Where(d => d.Evidence == "新打机井一眼").Select(d => d.Id).SingleAsync();
        }
        var photo = $"/deeds?handler=photo&deed={id}&n=1";
        var office = await SignedInAsync("office");
        Assert.Contains(photo.Replace("&", "&amp;", StringComparison.Ordinal), await office.GetStringAsync("/deeds"), StringComparison.Ordinal);
        var image = await office.GetAsync(photo);
        Assert.Equal(("image/png", png.Length), (image.Content.Headers.ContentType!.MediaType, (await image.Content.ReadAsByteArrayAsync()).Length));
        // Not for a reader of another township, and not on the village's public page.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("other-inspector")).GetAsync(photo)).StatusCode);
        Assert.DoesNotContain("handler=photo", await AppFixture.ClientOf(Host).GetStringAsync($"/public/villages/{Village}"), StringComparison.Ordinal);
    }
}
