using System.Globalization;
using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Policy;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Policy;

/// <summary>
/// The year's policy edited on a page: a form for the numbers offices set most, or the whole JSON
/// document for the rest. Either way the candidate is checked with the same messages as
/// <c>policy set</c>, its difference to the version in force shown, and nothing stored until saved.
/// Only who governs the whole database may save (<see cref="Data.Access.WholeDatabase"/>); others preview.
/// </summary>
public sealed class EditModel(LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public int CityQuota { get; set; }
    [BindProperty] public int CountyQuota { get; set; }
    [BindProperty] public int TownshipQuota { get; set; }
    /// <summary>The backward share as people write it: a percentage.</summary>
    [BindProperty] public double BackwardPercent { get; set; }
    [BindProperty] public int VillagesPerTownshipLeader { get; set; }
    [BindProperty] public int SecretaryDays { get; set; }
    [BindProperty] public int CityLeaderDays { get; set; }
    [BindProperty] public int CountyLeaderDays { get; set; }
    /// <summary>The whole document (the JSON form), or the candidate carried from the preview to the save.</summary>
    [BindProperty] public string? Document { get; set; }

    public EffectivePolicy Effective { get; private set; } = null!;
    public bool MaySet { get; private set; }
    public IReadOnlyList<AuditChange>? Changes { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public int PolicyYear => Year ?? ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Fill(Effective.Policy);
        return Page();
    }

    /// <summary>The form's numbers over the policy in force, checked and compared.</summary>
    public async Task<IActionResult> OnPostFormAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var p = Effective.Policy;
        var candidate = p with
        {
            Title = (Title ?? "").Trim(),
            Public = p.Public with { Telephone = PublicTelephone.Clean(Telephone) ?? "" },
            FirstSecretaries = p.FirstSecretaries with { CityQuota = CityQuota, CountyQuota = CountyQuota, TownshipQuota = TownshipQuota },
            Backward = p.Backward with { Share = Math.Round(BackwardPercent / 100, 4), VillagesPerTownshipLeader = VillagesPerTownshipLeader },
            Field = p.Field with { FirstSecretaryResidenceDays = SecretaryDays },
            ContactPoints = p.ContactPoints with
            {
                CityLeader = p.ContactPoints.CityLeader with { MinResidenceDays = CityLeaderDays },
                CountyLeader = p.ContactPoints.CountyLeader with { MinResidenceDays = CountyLeaderDays },
            },
        };
        return Preview(PolicyDocument.ToJson(candidate));
    }

    /// <summary>The JSON document as written, checked and compared.</summary>
    public async Task<IActionResult> OnPostDocumentAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Preview(Document ?? "") : NotFound();

    /// <summary>The previewed candidate stored as the year's next version (checked again, the roster's feasibility too).</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!MaySet)
        {
            return Forbid();
        }
        try
        {
            var stored = await PolicyStore.SetAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), Document ?? "", ct);
            Message = Ui.T($"已保存 {stored.Policy.Year} 年度政策第 {stored.Version} 版。", $"Saved policy {stored.Policy.Year}, version {stored.Version}.");
            await LoadAsync(ct);
            Document = null;
        }
        catch (RefusedException e)
        {
            Errors.AddRange(e.Problems.Select(p => p.In(Ui.English)));
        }
        Fill(Effective.Policy);
        return Page();
    }

    private PageResult Preview(string json)
    {
        var city = Effective.Policy;
        var (candidate, problems) = PolicyDocument.Parse(json, year => year == city.Year ? city : city with { Year = year });
        if (candidate is null)
        {
            Errors.AddRange(problems.Select(p => p.Message(Ui.English)));
            Document = json;
            Fill(Effective.Policy);
            return Page();
        }
        if (candidate.Year != PolicyYear)
        {
            Errors.Add(Ui.T($"文件的年度是 {candidate.Year}，本页编辑的是 {PolicyYear} 年度", $"the document is for {candidate.Year}; this page edits {PolicyYear}"));
        }
        Document = PolicyDocument.ToJson(candidate);
        Changes = AuditDiff.Of("policy", PolicyDocument.ToJson(Effective.Policy), Document);
        Fill(candidate);
        return Page();
    }

    private void Fill(ProgrammePolicy p)
    {
        Title = p.Title;
        Telephone = p.Public.Telephone;
        (CityQuota, CountyQuota, TownshipQuota) = (p.FirstSecretaries.CityQuota, p.FirstSecretaries.CountyQuota, p.FirstSecretaries.TownshipQuota);
        BackwardPercent = Math.Round(p.Backward.Share * 100, 2);
        VillagesPerTownshipLeader = p.Backward.VillagesPerTownshipLeader;
        SecretaryDays = p.Field.FirstSecretaryResidenceDays;
        CityLeaderDays = p.ContactPoints.CityLeader.MinResidenceDays;
        CountyLeaderDays = p.ContactPoints.CountyLeader.MinResidenceDays;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (PolicyYear is < 2000 or > 2100)
        {
            return false;
        }
        Effective = await PolicyStore.GetAsync(db, PolicyYear, ct);
        MaySet = jurisdiction.Role is { } role && jurisdiction.Scope is { } scope && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
        return true;
    }

    public string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
