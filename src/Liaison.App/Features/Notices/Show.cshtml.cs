using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Access;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Notices;

/// <summary>
/// One notice: its text, whom it names, the findings behind it (for its issuers and those named), its
/// versions and the orders made from it; for its issuing office the draft's edit, the issue, the
/// withdrawal and the form that orders a rectification.
/// </summary>
public sealed class ShowModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public NoticeRow Row { get; private set; } = null!;
    public List<Features.Supervision.FindingRow> Findings { get; private set; } = [];
    public List<NoticeVersion> Versions { get; private set; } = [];
    public List<RectificationOrder> Orders { get; private set; } = [];
    public SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CanIssue { get; private set; }
    /// <summary>Whom the draft names, by the codes its form takes: staff numbers, unit codes, village codes.</summary>
    public (string Cadres, string Units, string Villages) Named { get; private set; } = ("", "", "");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var queries = new NoticeQueries(db, scoped, jurisdiction);
        if (await queries.OneAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        CanIssue = jurisdiction.May(Ability.IssueNotices) && queries.Issues(row.Notice);
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct)).Policy.Supervision;
        Findings = await new Features.Supervision.SupervisionQueries(db, scoped).NameAsync(await queries.FindingsAsync(row.Notice, ct), ct);
        Versions = CanIssue ? await queries.VersionsAsync(id, ct) : [];
        if (CanIssue)
        {
            var subjects = await db.NoticeSubjects.AsNoTracking().Where(s => s.NoticeId == id).ToListAsync(ct);
            var cadreIds = subjects.Where(s => s.CadreId != null).Select(s => s.CadreId!.Value).ToList();
            var unitIds = subjects.Where(s => s.UnitId != null).Select(s => s.UnitId!.Value).ToList();
            Named = (string.Join(",", await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).Select(c => c.Code).ToListAsync(ct)),
                string.Join(",", await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).Select(u => u.Code).ToListAsync(ct)),
                string.Join(",", subjects.Where(s => s.VillageCode != null).Select(s => s.VillageCode)));
        }
        using (Unscoped.Section("the orders made from a notice the reader may read"))
        {
            Orders = await db.RectificationOrders.AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.Id).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? title, string? body, string? required, string? findings, string? cadres, string? units, string? villages, CancellationToken ct) =>
        await ActAsync(id, actor => NoticeStore.EditAsync(db, clock, actor, id, new NoticeInput(null, default, title, body, required,
            IndexModel.Ids(findings), IndexModel.Codes(cadres), IndexModel.Codes(units), IndexModel.Codes(villages)), ct), ct);

    public Task<IActionResult> OnPostIssueAsync(long id, CancellationToken ct) =>
        ActAsync(id, actor => NoticeStore.IssueAsync(db, clock, actor, id, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, actor => NoticeStore.WithdrawAsync(db, clock, actor, id, reason, ct), ct);

    private async Task<IActionResult> ActAsync(long id, Func<OfficeActor, Task<Notice>> act, CancellationToken ct)
    {
        if (!jurisdiction.May(Ability.IssueNotices))
        {
            return Forbid();
        }
        try
        {
            await act(new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers));
            return Redirect($"/notices/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
