using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>A village's observation on a day: its items' scores and their mean.</summary>
public sealed record ObservationRow(string VillageCode, string Village, DateOnly On, IReadOnlyDictionary<string, double> Scores, double Mean);

/// <summary>现场观摩与工作点评: the forms that record them and the year's records under a division.</summary>
public sealed class ObservationsModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IReadOnlyList<ObservationItem> Items { get; private set; } = [];
    public List<ObservationRow> Observations { get; private set; } = [];
    public List<(WorkComment Comment, string Cadre)> Comments { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Assessment.ObservationItems;
        var root = Code is { Length: > 0 } c ? scoped.Under(c) : scoped;
        var scores = await root.ObservationScores.Where(o => o.Year == Today.Year || o.Year == Today.Year - 1).OrderByDescending(o => o.ObservedOn).Take(2000).ToListAsync(ct);
        var codes = scores.Select(s => s.VillageCode).Distinct().ToList();
        var names = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        Observations = scores.GroupBy(s => (s.VillageCode, s.ObservedOn)).Take(200)
            .Select(g => new ObservationRow(g.Key.VillageCode, names.GetValueOrDefault(g.Key.VillageCode, g.Key.VillageCode), g.Key.ObservedOn, g.ToDictionary(s => s.Item, s => s.Score), Math.Round(g.Average(s => s.Score), 1))).ToList();
        using var outside = Unscoped.Section("comments on cadres who served villages in the reader's scope");
        var villages = await root.Names.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village).Select(d => d.Code).ToListAsync(ct);
        var served = db.LiaisonTies.Where(t => villages.Contains(t.DivisionCode)).Select(t => t.CadreId).Concat(db.SecretaryPostings.Where(p => villages.Contains(p.VillageCode)).Select(p => (int?)p.CadreId));
        Comments = (await (from w in db.WorkComments.AsNoTracking()
                           join cadre in db.Cadres.AsNoTracking() on w.CadreId equals cadre.Id
                           where served.Contains(w.CadreId) && w.Year >= Today.Year - 1
                           orderby w.RecordedAt descending
                           select new { w, cadre.Name, cadre.Code }).Take(200).ToListAsync(ct)).Select(x => (x.w, $"{x.Name}（{x.Code}）")).ToList();
    }

    public async Task<IActionResult> OnPostObservationAsync(string? village, DateOnly? observedOn, Dictionary<string, double?> scores, CancellationToken ct) =>
        await ActAsync(() => ObservationStore.RecordObservationAsync(db, clock, Actor, village, observedOn, scores, ct), ct);

    public async Task<IActionResult> OnPostCommentAsync(int year, string? cadre, CommentSource source, double? score, string? text, CancellationToken ct) =>
        await ActAsync(() => ObservationStore.RecordCommentAsync(db, clock, Actor, year, cadre, source, score, text, ct), ct);

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    private async Task<IActionResult> ActAsync(Func<Task> act, CancellationToken ct)
    {
        try
        {
            await act();
            return Redirect($"/assessment/observations?code={Code}");
        }
        catch (RefusedException e)
        {
            await OnGetAsync(ct);
            Problems = e.Problems;
            return Page();
        }
    }
}
