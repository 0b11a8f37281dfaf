using System.Globalization;
using System.Runtime.CompilerServices;
using Liaison.Data.Access;
using Liaison.Data.Export;
using Liaison.Data.People;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>
/// <c>liaison export ties</c>: a year's current plan as the spreadsheet offices used to keep by hand,
/// one row per tie. No personal data: names, posts and places are what the programme publishes.
/// </summary>
public static class TieExport
{
    private static readonly (string Zh, string En)[] Columns =
    [
        ("年度", "year"), ("联系方式", "kind"), ("干部编号", "cadre_code"), ("姓名", "name"), ("职级", "rank"), ("单位编码", "unit_code"), ("单位名称", "unit_name"),
        ("行政区划代码", "division_code"), ("行政区划名称", "division_name"), ("起始日期", "since"), ("集中驻村天数", "stay_days"), ("来源", "origin"), ("锁定", "locked"), ("理由", "reason"),
    ];

    /// <summary>The year's ties of the divisions within reach.</summary>
    public static Task<long> WriteAsync(Scoped scoped, ExportRequest r, int year, CancellationToken ct)
    {
        var en = r.Language == UiLanguage.English;
        return TableExport.WriteAsync(r.Path, Columns.Select(c => en ? c.En : c.Zh).ToList(), Rows(scoped, year, en, ct), ct);
    }

    private static async IAsyncEnumerable<string[]> Rows(Scoped scoped, int year, bool en, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = scoped.Db;
        var ties = scoped.Ties.Where(t => t.Year == year && t.Until == null);
        var rows = from t in ties
                   join d in scoped.Names on t.DivisionCode equals d.Code
                   join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id into cs
                   from c in cs.DefaultIfEmpty()
                   join u in db.Units.AsNoTracking() on t.UnitId ?? c.UnitId equals u.Id
                   orderby t.DivisionCode, t.Kind, t.Id
                   select new
                   {
                       t,
                       CadreCode = c == null ? "" : c.Code,
                       CadreName = c == null ? "" : c.Name,
                       Rank = c == null ? (Domain.People.CadreRank?)null : c.Rank,
                       UnitCode = u.Code,
                       UnitName = u.Name,
                       Place = d.Name,
                       Days = db.PlannedStays.Where(s => s.TieId == t.Id).Sum(s => (int?)s.Days) ?? 0,
                   };
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var t = x.t;
            yield return
            [
                t.Year.ToString(CultureInfo.InvariantCulture), Terms.TieKinds[t.Kind].In(en), x.CadreCode, x.CadreName, x.Rank is { } rank ? Terms.Ranks[rank].In(en) : "",
                x.UnitCode, x.UnitName, t.DivisionCode, x.Place, t.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.Days.ToString(CultureInfo.InvariantCulture),
                t.Origin == TieOrigin.Planner ? (en ? "planner" : "计划编制") : (en ? "by hand" : "手工"), t.Locked ? (en ? "yes" : "是") : (en ? "no" : "否"), t.ReasonIn(en) ?? "",
            ];
        }
    }
}
