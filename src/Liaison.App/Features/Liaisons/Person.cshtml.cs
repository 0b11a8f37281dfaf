using Liaison.App.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>A person's ties, every year, with their reasons and history.</summary>
public sealed class PersonModel(LiaisonQueries queries, Auth.Jurisdiction jurisdiction) : PageModel
{
    public PersonView Person { get; private set; } = null!;
    public List<TieRow> Ties { get; private set; } = [];
    public List<SecretaryRow> Secretaries { get; private set; } = [];
    public bool CanEdit => jurisdiction.May(Domain.Access.Ability.EditPlan);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var person = await queries.Plan.PersonAsync(code, ct);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Ties = await queries.Plan.OfPersonAsync(person, ct);
        Secretaries = await queries.Plan.SecretaryPostingsOfAsync(person, ct);
        return Page();
    }
}
