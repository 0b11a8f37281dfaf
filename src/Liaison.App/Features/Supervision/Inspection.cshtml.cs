using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Supervision;

/// <summary>A finding as the inspection form takes it; a slot left without text is no finding.</summary>
public sealed class FindingForm
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Cadre { get; set; }
    public string? Unit { get; set; }
    public string? Evidence { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Cadre) && string.IsNullOrWhiteSpace(Evidence);

    public FindingInput Input(string? where = null) => new(Kind, Text, Evidence, Cadre, Unit, DivisionCode: where);
}

/// <summary>
/// 暗访 in one village, on the phone: who should be there (the stationed cadres and the First
/// Secretary), the checks (present, ties on the board, commitments on the noticeboard, contact cards,
/// suggestion box, records book), villagers asked, findings; once recorded, what was found.
/// </summary>
public sealed class InspectionModel(Scoped scoped, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public Inspection Inspection { get; private set; } = null!;
    public InspectionRound Round { get; private set; } = null!;
    public string Village { get; private set; } = "";
    public List<string> Expected { get; private set; } = [];
    public List<FindingRow> Findings { get; private set; } = [];
    public SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);

    [BindProperty] public List<FindingForm> Entered { get; set; } = [];

    /// <summary>The checks of the form, by their field names.</summary>
    public static IReadOnlyList<(string Name, Term Label)> Checks { get; } =
    [
        ("present", new("驻村干部或第一书记在岗", "Stationed cadre or First Secretary present")),
        ("tiesMatch", new("联系干部公示与实际一致", "Ties on the board match")),
        ("noticeboard", new("公开承诺上墙公示", "Commitments on the noticeboard")),
        ("contactCards", new("联系卡发放到户", "Contact cards reached households")),
        ("suggestionBox", new("意见箱在用", "Suggestion box in use")),
        ("recordsBook", new("民情日记与走访记录相符", "Records book matches the visits")),
    ];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null || await scoped.InspectionRounds.FirstOrDefaultAsync(r => r.Id == inspection.RoundId, ct) is not { } round)
        {
            return NotFound();
        }
        (Inspection, Round) = (inspection, round);
        Village = await scoped.Names.Where(d => d.Code == inspection.VillageCode).Select(d => d.Name).FirstAsync(ct);
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Supervision;
        var year = Today.Year;
        var tied = scoped.Ties.Where(t => t.DivisionCode == inspection.VillageCode && t.Year == year && t.Until == null && t.CadreId != null).Select(t => t.CadreId!.Value);
        var posted = scoped.Postings.Where(p => p.VillageCode == inspection.VillageCode && p.Year == year && p.Until == null).Select(p => p.CadreId);
        Expected = await db.Cadres.AsNoTracking().Where(c => tied.Contains(c.Id) || posted.Contains(c.Id)).OrderBy(c => c.Code).Select(c => c.Name + "（" + c.Code + "）").ToListAsync(ct);
        var found = await scoped.Findings.Where(f => f.Source == FindingSource.Inspection && f.SourceId == id).OrderBy(f => f.Id).ToListAsync(ct);
        Findings = await new SupervisionQueries(db, scoped).NameAsync(found, ct);
        while (Entered.Count < 3)
        {
            Entered.Add(new FindingForm());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, DateOnly? inspectedOn, bool? present, bool? tiesMatch, bool? noticeboard, bool? contactCards, bool? suggestionBox, bool? recordsBook,
        int villagersAsked, string? note, Guid? clientId, CancellationToken ct)
    {
        var input = new InspectionInput(inspectedOn, present, tiesMatch, noticeboard, contactCards, suggestionBox, recordsBook, villagersAsked, note,
            Entered.Where(f => !f.IsEmpty).Select(f => f.Input()).ToList(), clientId);
        try
        {
            await InspectionStore.RecordAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), id, input, ct);
            return Redirect($"/supervision/inspections/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
