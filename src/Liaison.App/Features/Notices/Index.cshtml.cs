using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Notices;

/// <summary>
/// 通报: the notices the reader may read — the issuing office's drafts too — and, for an office at the
/// county or city level, the form that drafts one, filled from a finding when opened from it.
/// </summary>
public sealed class IndexModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public long? Finding { get; set; }

    public List<NoticeRow> Rows { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public bool CanDraft => jurisdiction.May(Ability.IssueNotices);
    /// <summary>The finding the draft starts from: its village, cadre and text.</summary>
    public Finding? From { get; private set; }
    public string? FromCadre { get; private set; }
    public NoticeInput? Entered { get; private set; }
    public string Issuer => Code ?? jurisdiction.Scope?.DivisionCode ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Rows, Paging) = await new NoticeQueries(db, scoped, jurisdiction).ListAsync(Code, PageNumber, ct);
        if (CanDraft && Finding is { } id && await scoped.Findings.FirstOrDefaultAsync(f => f.Id == id, ct) is { } finding)
        {
            From = finding;
            FromCadre = finding.CadreId is { } c ? await db.Cadres.AsNoTracking().Where(x => x.Id == c).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        }
    }

    public async Task<IActionResult> OnPostDraftAsync(string? division, NoticeKind kind, string? title, string? body, string? required, string? findings, string? cadres, string? units, string? villages, CancellationToken ct)
    {
        if (!CanDraft)
        {
            return Forbid();
        }
        var input = new NoticeInput(division, kind, title, body, required, Ids(findings), Codes(cadres), Codes(units), Codes(villages));
        try
        {
            var notice = await NoticeStore.DraftAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), input, ct);
            return Redirect($"/notices/{notice.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, Entered) = (e.Problems, input);
            await OnGetAsync(ct);
            return Page();
        }
    }

    private static readonly char[] Separators = [',', '，', '、', ' ', '\n', '\r', ';', '；'];

    /// <summary>Codes written in a field, separated as people write lists.</summary>
    public static List<string> Codes(string? text) => (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Finding numbers written in a field; one that is not a number is kept as 0, which the store refuses by name.</summary>
    public static List<long> Ids(string? text) => Codes(text).Select(c => long.TryParse(c.TrimStart('#'), out var id) ? id : 0).ToList();
}
