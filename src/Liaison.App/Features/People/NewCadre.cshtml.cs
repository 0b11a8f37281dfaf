using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>A hire: one new cadre of an open unit in the office's jurisdiction, with the day.</summary>
public sealed class NewCadreModel(LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public CadreRank Rank { get; set; } = CadreRank.Ordinary;
    [BindProperty] public bool IsReserve { get; set; }
    [BindProperty] public bool IsPolice { get; set; }
    [BindProperty] public bool IsNewlyPromoted { get; set; }
    [BindProperty] public int BirthYear { get; set; }
    [BindProperty] public Gender Gender { get; set; } = Gender.Male;
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new CadreInput((Code ?? "").Trim(), (Name ?? "").Trim(), (Unit ?? "").Trim(), Rank, IsReserve, IsPolice, IsNewlyPromoted, BirthYear, Gender, Phone);
        return await SaveAsync(() => RegistryStore.AddCadreAsync(db, Clock, Actor, Scope, input, On ?? Today, Reason, ct))
            ? Redirect("/people/cadres/" + Uri.EscapeDataString(input.Code))
            : Page();
    }
}
