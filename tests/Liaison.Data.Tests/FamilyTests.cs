using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>The formula builder of decision 0014: lines translate alike on both databases and are read back by indicator.</summary>
public class FamilyTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_kind_of_line_counts_what_the_same_rule_counts_in_memory_by_division_and_month(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var rows = await db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith(village.Substring(0, 9))).ToListAsync();
        var family = new Family<Household>()
            .Sum(R.Residents, h => h.MemberCount)
            .Count(R.Households)
            .One(R.CoveredVillages)
            .Count(R.PoorHouseholds, h => (h.Categories & HouseholdCategory.Poor) != 0)
            .Amount(R.SupportFunds, h => h.MemberCount * 0.5m)
            .Amount(R.DeedRoads, h => h.MemberCount * 0.0125m);
        var cells = new LeafCells();
        await family.ReadAsync(db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith(village.Substring(0, 9))), h => h.VillageCode, null, cells, default);
        var read = cells.Leaves.ToDictionary(l => (l.DivisionCode, l.IndicatorId), l => l.Value);

        Assert.True(rows.Select(h => h.VillageCode).Distinct().Count() > 1);
        foreach (var g in rows.GroupBy(h => h.VillageCode))
        {
            Assert.Equal(g.Sum(h => (long)h.MemberCount), read[(g.Key, R.Residents.Id)]);
            Assert.Equal(g.Count(), read[(g.Key, R.Households.Id)]);
            Assert.Equal(1, read[(g.Key, R.CoveredVillages.Id)]);
            Assert.Equal(g.Count(h => (h.Categories & HouseholdCategory.Poor) != 0), read.GetValueOrDefault((g.Key, R.PoorHouseholds.Id)));
            Assert.Equal((long)Math.Round(g.Sum(h => h.MemberCount * 0.5m)), read[(g.Key, R.SupportFunds.Id)]);
            // Kilometres are kept to the metre: 12.5 m a member, stored as whole metres (a half rounded to even).
            Assert.Equal((long)Math.Round(g.Sum(h => h.MemberCount * 12.5m)), read[(g.Key, R.DeedRoads.Id)]);
            Assert.Equal(Math.Round(g.Sum(h => h.MemberCount * 0.0125m), 3), R.DeedRoads.ValueOf(read[(g.Key, R.DeedRoads.Id)]));
        }
        Assert.Equal([R.Residents, R.Households, R.CoveredVillages, R.PoorHouseholds, R.SupportFunds, R.DeedRoads], family.Indicators);

        // By month: each month's count, and the year's total as month 0.
        var when = new[] { (households[0], 3), (households[1], 3), (households[2], 5) };
        await Field.FieldStore.SaveVisitsAsync(db, FieldWorkTests.Clock(), author,
            when.Select(w => new Domain.Field.VisitInput(Guid.NewGuid(), w.Item1, new DateTimeOffset(2026, w.Item2, 10, 9, 0, 0, Domain.Shared.ChinaTime.Offset), null, null, null, [])).ToList(), default);
        var months = new LeafCells();
        await new Family<HouseholdVisit>().Count(R.Visits)
            .ReadAsync(db.HouseholdVisits.AsNoTracking().Where(v => v.VillageCode == village), v => v.VillageCode, v => v.VisitedOn.Month, months, default);
        var byMonth = months.Leaves.ToDictionary(l => l.Month, l => l.Value);
        var visited = await db.HouseholdVisits.AsNoTracking().Where(v => v.VillageCode == village).Select(v => v.VisitedOn).ToListAsync();
        Assert.Equal(visited.GroupBy(d => d.Month).ToDictionary(g => g.Key, g => (long)g.Count()).Append(new(0, visited.Count)).OrderBy(kv => kv.Key), byMonth.OrderBy(kv => kv.Key));
        Assert.True(byMonth[3] >= 2 && byMonth[5] >= 1);
    }

    [Fact]
    public void A_family_refuses_more_lines_than_its_row_has_slots()
    {
        var family = new Family<Household>();
        foreach (var indicator in R.All.Take(FamilyRow.CountSlots))
        {
            family.Count(indicator);
        }
        foreach (var indicator in R.All.TakeLast(FamilyRow.MoneySlots))
        {
            family.Amount(indicator, h => 0m);
        }
        var full = Assert.Throws<InvalidOperationException>(() => family.Count(R.Visits));
        Assert.Contains(R.Visits.Id, full.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => family.Amount(R.SupportFunds, h => 1m));
    }
}
