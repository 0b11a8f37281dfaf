using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>A new household of a village in the office's jurisdiction (a family that moved in), its personal data sealed as the importers seal it.</summary>
public sealed class NewHouseholdModel(LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty] public string? HouseNo { get; set; }
    [BindProperty] public string? HeadName { get; set; }
    [BindProperty] public string? HeadPhone { get; set; }
    [BindProperty] public int MemberCount { get; set; } = 1;
    [BindProperty] public List<HouseholdCategory> Categories { get; set; } = [];
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new HouseholdInput((Village ?? "").Trim(), (HouseNo ?? "").Trim(), HeadName, HeadPhone, MemberCount, Categories.Aggregate(HouseholdCategory.None, (a, c) => a | c));
        if (!await SaveAsync(() => RegistryStore.AddHouseholdAsync(db, Clock, Actor, Scope, input, On ?? Today, Reason, ct)))
        {
            return Page();
        }
        return Redirect("/people/households/" + Result!.Outcome!.Event.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
