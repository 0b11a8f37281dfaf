using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Data.Field;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Nights;

/// <summary>
/// 夜谈夜访: the year's night sessions within reach, newest first, with their totals; and for an office
/// or a cadre the form that records one — topic, who came, each matter raised and what became of it
/// (an escalated matter is taken up as a case with the session as its source).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    /// <summary>Rows the form offers for matters; blank ones are ignored.</summary>
    public const int MatterRows = 6;

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public int Shown => Year ?? ChinaTime.Today(clock).Year;
    public DateOnly Today => ChinaTime.Today(clock);
    public List<NightRow> Sessions { get; private set; } = [];
    public (int Sessions, int People, int Solved, int Escalated) Totals { get; private set; }
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<CaseCategory> Categories { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    /// <summary>What was entered, shown again when the record was refused.</summary>
    public NightSessionInput? Entered { get; private set; }
    public bool CanRecord => jurisdiction.May(Ability.RecordNightSessions);
    /// <summary>A cadre records the sessions they held themselves; an office names the cadre, if any.</summary>
    public bool IsCadre => jurisdiction.CadreId is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Totals = await queries.Nights.TotalsAsync(Shown, Code, ct);
        Paging = Paging.Of(PageNumber, Totals.Sessions);
        Sessions = await queries.Nights.ListAsync(Shown, Code, Paging.Skip, Paging.Size, ct);
        Categories = (await CaseStore.RulesAsync(db, clock.GetUtcNow(), ct)).Categories;
    }

    public async Task<IActionResult> OnPostRecordAsync(string? village, DateOnly? heldOn, string? topic, string? place, int? people, string? attendees, string? cadre,
        string[]? text, NightOutcome[]? outcome, string[]? category, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }
        text ??= [];
        // The form's rows come as parallel lists: the i-th text with the i-th outcome and category.
        var matters = text.Select((t, i) => new NightMatterInput(t, outcome is not null && i < outcome.Length ? outcome[i] : default, category?.ElementAtOrDefault(i))).ToList();
        var input = new NightSessionInput(village, heldOn, topic, place, people, attendees, IsCadre ? null : cadre, matters);
        try
        {
            var session = await NightSessionStore.RecordAsync(db, clock, new CaseActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), jurisdiction.CadreId, input, ct);
            return Redirect($"/nights/{session.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, Entered) = (e.Problems, input);
            await OnGetAsync(ct);
            return Page();
        }
    }
}

/// <summary>The matter rows of a night session's form (<c>_MatterRows</c>): how many, the case categories, what was entered.</summary>
public sealed record MatterRows(int Rows, IReadOnlyList<Domain.Policy.CaseCategory> Categories, IReadOnlyList<Data.Field.NightMatterInput>? Entered);
