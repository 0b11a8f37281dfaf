using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Assessment;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>A cadre's own published assessment results, each with its grade; the page of each has its parts and the appeal.</summary>
public sealed class MineModel(LiaisonDb db, Jurisdiction jurisdiction) : PageModel
{
    public List<(AssessmentRun Run, AssessmentResult Result, string Grade)> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (jurisdiction.CadreId is not { } cadre)
        {
            return;
        }
        using var outside = Unscoped.Section("a cadre's own published results");
        var rows = await (from r in db.AssessmentResults.AsNoTracking()
                          join run in db.AssessmentRuns.AsNoTracking() on r.RunId equals run.Id
                          where r.CadreId == cadre && run.Status == RunStatus.Published
                          orderby run.Year descending
                          select new { run, r }).ToListAsync(ct);
        foreach (var x in rows)
        {
            Results.Add((x.run, x.r, Ui.T(AssessmentRows.GradeName(await AssessmentRows.SchemeAsync(db, x.run, ct), x.r.Grade))));
        }
    }
}
