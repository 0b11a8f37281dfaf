using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// A person's assessment: the score with every part — its weight, its score, the points it gives, what
/// it rests on and a link to those records —, the adjustment and its reason, the veto, the cap, the
/// screened comments of villagers, and the appeal. The office reads it within its jurisdiction (and
/// adjusts a draft, answers an appeal); the person assessed reads their own once published (and appeals).
/// </summary>
public sealed class ResultModel(LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public ResultRow Row { get; private set; } = null!;
    public AssessmentRun Run { get; private set; } = null!;
    public AssessmentScheme Scheme { get; private set; } = null!;
    public List<AssessmentPart> Parts { get; private set; } = [];
    public AssessmentAppeal? Appeal { get; private set; }
    public List<string> Comments { get; private set; } = [];
    public bool Office { get; private set; }
    public bool Own { get; private set; }
    public int AppealDays { get; private set; }
    public double MaxAdjustment { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public bool MayAppeal => Own && Run.Status == RunStatus.Published && Appeal is null && Run.PublishedAt is { } p && clock.GetUtcNow() <= p.AddDays(AppealDays);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The person's sheet for the personnel file (PDF), for the office and for the person once published.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        return File(ResultSheet.Pdf(Row, Run, Scheme, Parts, Appeal), "application/pdf", $"assessment-{Run.Year}-{Row.Code}.pdf");
    }

    public Task<IActionResult> OnPostAdjustAsync(double points, string? reason, CancellationToken ct) =>
        ActAsync(() => AssessmentStore.AdjustAsync(db, clock, Actor, Id, points, reason, ct), office: true, ct);

    public Task<IActionResult> OnPostAppealAsync(string? text, CancellationToken ct) =>
        ActAsync(() => AssessmentStore.AppealAsync(db, clock, jurisdiction.UserName ?? "?", jurisdiction.CadreId ?? -1, Id, text, ct), office: false, ct);

    public Task<IActionResult> OnPostAnswerAsync(long appeal, string? answer, double change, CancellationToken ct) =>
        ActAsync(() => AssessmentStore.AnswerAsync(db, clock, Actor, appeal, answer, change, ct), office: true, ct);

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    private async Task<IActionResult> ActAsync(Func<Task> act, bool office, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || (office ? !Office : !Own))
        {
            return NotFound();
        }
        try
        {
            await act();
            return Redirect($"/assessment/results/{Id}");
        }
        catch (RefusedException e)
        {
            await LoadAsync(ct);
            Problems = e.Problems;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        using var outside = Unscoped.Section("a result: read by the office holding its village, or by the person assessed once published");
        var result = await db.AssessmentResults.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (result is null)
        {
            return false;
        }
        Run = await db.AssessmentRuns.AsNoTracking().FirstAsync(r => r.Id == result.RunId, ct);
        Office = jurisdiction.May(Ability.Assess) && jurisdiction.Covers(result.VillageCode);
        Own = result.CadreId is { } cadre && jurisdiction.CadreId == cadre && Run.Status == RunStatus.Published;
        if (!Office && !Own)
        {
            return false;
        }
        Scheme = await AssessmentRows.SchemeAsync(db, Run, ct);
        var rules = (await Data.Policy.PolicyStore.GetAsync(db, Run.Year, ct)).Policy.Assessment;
        (AppealDays, MaxAdjustment) = (rules.AppealDays, rules.MaxAdjustment);
        Row = (await AssessmentRows.NameAsync(db, Scoped.Public(db), [result], ct))[0];
        Parts = await db.AssessmentParts.AsNoTracking().Where(p => p.ResultId == Id).OrderBy(p => p.Id).ToListAsync(ct);
        Appeal = await db.AssessmentAppeals.AsNoTracking().FirstOrDefaultAsync(a => a.ResultId == Id, ct);
        // Villagers' comments reach the person only once an office has screened them; never who wrote them.
        Comments = await db.MassRatings.AsNoTracking().Where(r => r.CadreId == result.CadreId && r.Year == Run.Year && r.Comment != null && r.Screening == CommentScreening.Shown)
            .OrderBy(r => r.Id).Select(r => r.Comment!).Take(100).ToListAsync(ct);
        return true;
    }
}
