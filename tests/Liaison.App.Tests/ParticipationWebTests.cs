using System.Net;
using System.Text.RegularExpressions;
using Liaison.Data.Field;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>全员参与 across a division: its units with who takes part, totals that agree with the report, a member's visit moving their unit.</summary>
public sealed partial class ParticipationWebTests() : OwnDemoHost(planned: true)
{
    [Fact]
    public async Task A_division_lists_its_units_with_who_takes_part_its_totals_agree_with_the_report_and_a_members_visit_moves_their_unit()
    {
        string unitCode;
        int member;
        long household;
        await using (var db = Demo.Target.CreateContext())
        {
            var pairing = await db.LiaisonTies.AsNoTracking().Where(t => t.Kind == Domain.Liaisons.TieKind.Pairing && t.Until == null && t.DivisionCode.StartsWith("370830"))
                .OrderBy(t => t.Id).FirstAsync();
            unitCode = await db.Units.Where(u => u.Id == pairing.UnitId).Select(u => u.Code).SingleAsync();
            var counted = db.CadreParticipation.Select(p => p.CadreId);
            member = await db.Cadres.Where(c => c.UnitId == pairing.UnitId && c.Status == CadreStatus.Active && !counted.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            household = await db.Households.Where(h => h.VillageCode == pairing.DivisionCode && h.Status == HouseholdStatus.Current).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        var office = await SignedInAsync("office");
        var before = WebUtility.HtmlDecode(await office.GetStringAsync("/plan/participation?code=370830"));
        await using (var db = Demo.Target.CreateContext())
        {
            // The list and the report count the same cadres: expected at their unit's division and below the county.
            var figures = await db.Rollups.AsNoTracking().Where(r => r.DivisionCode == "370830").ToDictionaryAsync(r => r.IndicatorId, r => r.Value);
            Assert.Equal(figures.GetValueOrDefault("cadres_expected"), Number(before, "data-expected"));
            Assert.Equal(figures.GetValueOrDefault("cadres_taking_part"), Number(before, "data-taking-part"));
        }
        var behind = UnitRow(before, unitCode);
        Assert.True(behind > 0);

        await using (var db = Demo.Target.CreateContext())
        {
            var at = TimeProvider.System.GetUtcNow().AddMinutes(-5);
            var saved = Assert.Single(await FieldStore.SaveVisitsAsync(db, TimeProvider.System, new FieldAuthor(member, "member-test", RecordSource.Phone),
                [new VisitInput(Guid.NewGuid(), household, at, "了解生产生活情况", null, null, [])], default));
            Assert.Equal(RecordOutcome.Stored, saved.Outcome);
            await FieldRollups.DrainAllAsync(db, default);
        }
        var after = WebUtility.HtmlDecode(await office.GetStringAsync("/plan/participation?code=370830"));
        Assert.Equal(behind - 1, UnitRow(after, unitCode));
        Assert.Equal(Number(before, "data-taking-part") + 1, Number(after, "data-taking-part"));

        // Only the units with someone not taking part; a reader of another township does not see this county's units.
        var only = WebUtility.HtmlDecode(await office.GetStringAsync("/plan/participation?code=370830&behind=true"));
        Assert.DoesNotContain("data-not-taking-part=\"0\"", only, StringComparison.Ordinal);
        var elsewhere = WebUtility.HtmlDecode(await (await SignedInAsync("other-inspector")).GetStringAsync("/plan/participation"));
        Assert.DoesNotContain($"data-unit=\"{unitCode}\"", elsewhere, StringComparison.Ordinal);
    }

    private static long Number(string html, string attribute) =>
        long.Parse(Regex.Match(html, $"<dd {attribute}=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int UnitRow(string html, string unit)
    {
        var row = Regex.Match(html, $"data-unit=\"{unit}\" data-not-taking-part=\"(\\d+)\"");
        Assert.True(row.Success, $"no row for {unit}");
        return int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
