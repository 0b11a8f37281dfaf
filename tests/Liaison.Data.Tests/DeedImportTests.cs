using Liaison.Data.Import;
using Liaison.Data.Results;
using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>实事好事台账 (issue 21): a township's ledger imported as it keeps it, all or nothing, and again as it grows without doubling.</summary>
public class DeedImportTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_township_ledger_with_villages_by_name_and_metres_and_ten_thousand_yuan_is_imported_once_and_its_sums_reach_the_report(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        using var files = new TestFiles();
        var clock = FieldWorkTests.Clock();
        var place = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == village);
        var township = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == place.ParentCode);
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).FirstAsync();
        var unit = await db.Units.AsNoTracking().OrderBy(u => u.Id).FirstAsync();
        // The village by its name as the ledger writes it (without 委员会), with the township; another by code.
        var shortName = place.Name.Replace("村民委员会", "村", StringComparison.Ordinal).Replace("居民委员会", "", StringComparison.Ordinal);
        var ledger = $"""
            {township.Name}2026年度实事好事台账,,,,,,,,,,
            序号,完成日期,乡镇,村,村区划代码,实事类别,数量,计量单位,数量2,计量单位2,干部编号,办事单位,资金来源,说明
            1,2026年5月3日,{township.Name},{shortName},,硬化道路,1200,米,,,{cadre.Code},,县交通运输局,村南生产路
            2,2026-05-20,,,{village},协调帮扶资金,3.5,万元,,,,{unit.Code},市财政衔接资金,
            3,2026/6/1,{township.Name},{shortName},,助学,12,名,2.4,万元,{cadre.Code},,,
            4,2026-06-02,,,{village},发展党员,2,人,,,{cadre.Code},,,
            填表人：张三,,,,,,,,,,
            """;
        var path = files.Text("台账.csv", ledger);

        var preview = await new DeedImporter(clock).PreviewAsync(db, path, default);
        Assert.True(preview.Acceptable, string.Join("\n", preview.ProblemMessages.Select(p => p.Zh)));
        Assert.Equal((4L, 4L, 0L), (preview.Rows, preview.Adds, preview.Unchanged));
        Assert.Contains(preview.Normalisations, n => n.Before == "1200 米" && n.After == "1.2 公里");
        Assert.Contains(preview.Normalisations, n => n.Before == "3.5 万元" && n.After == "35000 元");
        Assert.Equal(0, await db.Deeds.CountAsync());

        var result = await new DeedImporter(clock).ImportAsync(db, path, null, default);
        Assert.Equal(4, result.Rows);
        var deeds = await db.Deeds.AsNoTracking().Where(d => d.VillageCode == village).OrderBy(d => d.On).ToListAsync();
        Assert.Equal(["road", "funds", "student-aid", "new-members"], deeds.Select(d => d.Kind));
        Assert.Equal((cadre.Id, (int?)null), (deeds[0].CadreId!.Value, deeds[0].UnitId));
        Assert.Equal(unit.Id, deeds[1].UnitId);
        var amounts = await db.DeedQuantities.AsNoTracking().ToListAsync();
        Assert.Equal(1.2m, amounts.Single(q => q.DeedId == deeds[0].Id).Value);
        Assert.Equal(35_000m, amounts.Single(q => q.DeedId == deeds[1].Id).Value);
        Assert.Equal((12m, 24_000m), (amounts.Single(q => q.DeedId == deeds[2].Id && q.Code == "students").Value, amounts.Single(q => q.DeedId == deeds[2].Id && q.Code == "amount").Value));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "import.deeds"));
        var figures = await Reporting.RollupStore.ForDivisionAsync(db, township.Code, default);
        Assert.Equal((3L, 1200L, 35_000L, 2L), (figures[R.Deeds.Id], figures[R.DeedRoads.Id], figures[R.DeedFunds.Id], figures[R.NewPartyMembers.Id]));

        // The ledger grown by a row: only the new one is added.
        var grown = files.Text("台账2.csv", ledger.Replace("填表人：张三", $"5,2026-06-10,,,{village},打井,2,眼,,,{cadre.Code},,,", StringComparison.Ordinal));
        var again = await new DeedImporter(clock).PreviewAsync(db, grown, default);
        Assert.Equal((1L, 4L), (again.Adds, again.Unchanged));
        await new DeedImporter(clock).ImportAsync(db, grown, null, default);
        Assert.Equal(5, await db.Deeds.CountAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_ledger_with_bad_rows_is_refused_whole_each_problem_by_line_and_column_and_an_office_imports_inside_its_own_county_only(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        using var files = new TestFiles();
        var clock = FieldWorkTests.Clock();
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).FirstAsync();
        // A village name two townships share, given without its township.
        var shared = (await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village).Select(d => d.Name).ToListAsync())
            .GroupBy(n => n).First(g => g.Count() > 1).Key;
        var path = files.Text("bad.csv", $"""
            日期,村名,村代码,类别,数量,计量单位,干部编号
            2026-05-03,{shared},,硬化道路,1.2,公里,{cadre.Code}
            2026-05-04,,{village},打井,3,公里,{cadre.Code}
            2026-07-01,,{village},打井,3,眼,{cadre.Code}
            2026-05-05,,{village},修桥,1,座,{cadre.Code}
            2026-05-06,,{village},打井,1.5,眼,C-NOBODY
            2026-05-07,,{village},打井,2,眼,{cadre.Code}
            """);
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => new DeedImporter(clock).ImportAsync(db, path, null, default));
        var problems = refused.ImportProblems.ToDictionary(p => (p.Line!.Value, p.Column), p => p);
        Assert.Equal(ImportReason.AmbiguousVillage, problems[(2, "村名")].Reason);
        Assert.Contains("公里", problems[(3, "计量单位")].Message().Zh, StringComparison.Ordinal);
        Assert.Equal(ImportReason.RuleRefused, problems[(4, "日期")].Reason);
        Assert.Equal(ImportReason.InvalidValue, problems[(5, "类别")].Reason);
        Assert.Contains("整数", problems[(6, "数量")].Message().Zh, StringComparison.Ordinal);
        Assert.Equal(ImportReason.UnknownCadre, problems[(6, "干部编号")].Reason);
        Assert.DoesNotContain(problems.Keys, k => k.Item1 == 7);
        Assert.Equal(0, await db.Deeds.CountAsync());

        // Another county's office: its village outside; the party-outputs import reads party kinds only.
        var good = files.Text("good.csv", $"日期,村代码,类别,数量,计量单位,干部编号\n2026-05-07,{village},打井,2,眼,{cadre.Code}\n");
        var elsewhere = await new DeedImporter(clock) { Within = "370811" }.PreviewAsync(db, good, default);
        Assert.Equal(ImportReason.OutsideJurisdiction, Assert.Single(elsewhere.Problems).Reason);
        var party = await new DeedImporter(clock) { PartyOnly = true }.PreviewAsync(db, good, default);
        Assert.Equal(("类别", ImportReason.InvalidValue), (Assert.Single(party.Problems).Column, party.Problems[0].Reason));
        Assert.True((await new DeedImporter(clock) { Within = village[..6] }.PreviewAsync(db, good, default)).Acceptable);
    }
}
