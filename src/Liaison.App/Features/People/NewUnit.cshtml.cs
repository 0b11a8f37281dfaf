using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>A new unit of a city, county or township in the office's jurisdiction.</summary>
public sealed class NewUnitModel(LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public UnitLevel Level { get; set; } = UnitLevel.County;
    [BindProperty] public UnitCategory Category { get; set; } = UnitCategory.PartyGovernment;
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new UnitInput((Code ?? "").Trim(), (Name ?? "").Trim(), Level, Category, (Division ?? "").Trim());
        return await SaveAsync(() => RegistryStore.AddUnitAsync(db, Clock, Actor, Scope, input, On ?? Today, Reason, ct))
            ? Redirect("/people/units/" + Uri.EscapeDataString(input.Code))
            : Page();
    }
}
