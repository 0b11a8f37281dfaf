using System.Text.Json;
using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Years;
using Liaison.Domain.Assessment;
using Liaison.Domain.Shared;
using Liaison.Domain.Years;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Years;

/// <summary>A programme year as the page shows it: its record (closed, reopened, opened), the groups whose assessment is published and those still missing, what its opening carried.</summary>
public sealed record YearRow(int Year, ProgrammeYear? Record, IReadOnlyList<string> Published, IReadOnlyList<string> Missing, JsonElement? Carried, int Archived);

/// <summary>
/// 年度关账与开年: each year's state — its assessment published by group, closed (records frozen, the
/// report archived), reopened for amendment with the reason, opened from the year before with what
/// carried —, and for the city's office the three acts, each refused with its reason when not yet due.
/// </summary>
public sealed class IndexModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public List<YearRow> Years { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CityOffice { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        var today = ChinaTime.Today(clock);
        var city = (await CityStore.GetAsync(db, ct))?.Code;
        CityOffice = city is not null && jurisdiction.Covers(city);
        using var outside = Unscoped.Section("the programme's years: a city-wide record (closed, opened), read by every assessing office");
        var records = await db.ProgrammeYears.AsNoTracking().ToDictionaryAsync(y => y.Year, ct);
        var published = (await scoped.AssessmentRuns.Where(r => r.Status == RunStatus.Published).Select(r => new { r.Year, r.Group }).Distinct().ToListAsync(ct))
            .ToLookup(r => r.Year, r => r.Group);
        foreach (var year in records.Keys.Append(today.Year).Append(today.Year - 1).Distinct().OrderDescending())
        {
            var schemes = (await PolicyStore.GetAsync(db, year, ct)).Policy.Assessment.Schemes.Select(s => s.Group).ToList();
            var record = records.GetValueOrDefault(year);
            Years.Add(new YearRow(year, record, published[year].ToList(), schemes.Except(published[year]).ToList(),
                record?.CarriedJson is { } c ? JsonSerializer.Deserialize<JsonElement>(c) : null,
                record?.ReportJson is { } r ? JsonSerializer.Deserialize<JsonElement>(r).EnumerateObject().Count() : 0));
        }
    }

    public Task<IActionResult> OnPostCloseAsync(int year, CancellationToken ct) =>
        ActAsync(() => YearStore.CloseAsync(db, clock, Actor, year, ct), "closed", ct);

    public Task<IActionResult> OnPostReopenAsync(int year, string? reason, CancellationToken ct) =>
        ActAsync(() => YearStore.ReopenAsync(db, clock, Actor, year, reason, ct), "reopened", ct);

    public Task<IActionResult> OnPostOpenAsync(int year, CancellationToken ct) =>
        ActAsync(() => YearStore.OpenAsync(db, clock, Actor, year, ct), "opened", ct);

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    private async Task<IActionResult> ActAsync<T>(Func<Task<T>> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            return Redirect($"/years?done={done}");
        }
        catch (RefusedException e)
        {
            await OnGetAsync(null, ct);
            Problems = e.Problems;
            return Page();
        }
    }
}
