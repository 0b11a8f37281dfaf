using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>A run with its grades counted, as the list shows it.</summary>
public sealed record RunRow(AssessmentRun Run, IReadOnlyDictionary<string, int> Grades);

/// <summary>年度考核: the runs under a division, and the form that runs a group's year from the records.</summary>
public sealed class IndexModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public List<RunRow> Runs { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public int Year => ChinaTime.Today(clock).Year;
    public string Division => Code ?? jurisdiction.Scope?.DivisionCode ?? "";
    /// <summary>The grades' names by code, from this year's policy.</summary>
    public Dictionary<string, Term> Grades { get; private set; } = [];

    /// <summary>The groups the policy assesses (last year's and this year's schemes): people, and units or townships and counties where the city assesses them.</summary>
    public List<string> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = (await Data.Policy.PolicyStore.GetAsync(db, Year - 1, ct)).Policy.Assessment.Schemes.Select(s => s.Group)
            .Concat((await Data.Policy.PolicyStore.GetAsync(db, Year, ct)).Policy.Assessment.Schemes.Select(s => s.Group)).Distinct().ToList();
        Grades = (await Data.Policy.PolicyStore.GetAsync(db, Year, ct)).Policy.Assessment.Schemes.SelectMany(s => s.Bands)
            .DistinctBy(b => b.Code).ToDictionary(b => b.Code, b => new Term(b.Name, b.EnglishName.Length > 0 ? b.EnglishName : b.Name));
        var query = Code is { Length: > 0 } code ? scoped.Under(code).AssessmentRuns : scoped.AssessmentRuns;
        (var runs, Paging) = await Paging.PageAsync(query.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id), PageNumber, 20, "page", ct);
        var ids = runs.Select(r => r.Id).ToList();
        using var outside = Unscoped.Section("the runs' grades counted: the runs are read through the scope above");
        var grades = (await db.AssessmentResults.AsNoTracking().Where(r => ids.Contains(r.RunId)).GroupBy(r => new { r.RunId, r.Grade })
            .Select(g => new { g.Key.RunId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct)).ToLookup(g => g.RunId);
        Runs = runs.Select(r => new RunRow(r, grades[r.Id].ToDictionary(g => g.Grade, g => g.Count))).ToList();
    }

    public async Task<IActionResult> OnPostRunAsync(int year, string? group, string? division, CancellationToken ct)
    {
        try
        {
            var run = await AssessmentStore.RunAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), year, group, division, ct);
            return Redirect($"/assessment/runs/{run.Id}");
        }
        catch (RefusedException e)
        {
            await OnGetAsync(ct);
            Problems = e.Problems;
            return Page();
        }
    }
}
