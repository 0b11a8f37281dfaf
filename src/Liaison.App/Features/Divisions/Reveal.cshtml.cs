using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Divisions;

/// <summary>
/// Shows one household's head and phone unmasked, to a role that may see them, and records that
/// it did: every unmasked read is in the audit log. POST only (htmx, with the anti-forgery token).
/// </summary>
public sealed class RevealModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    private static readonly string[] Fields = ["head_name", "head_phone"];

    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync(string village, long id, CancellationToken ct)
    {
        var household = await queries.Divisions.HouseholdAsync(village, id, ct);
        if (household is null)
        {
            return NotFound();
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await AuditLog.AppendAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"),
                new AuditRecord("personal-data.reveal", "household", id.ToString(System.Globalization.CultureInfo.InvariantCulture), village, null, new { fields = Fields }), ct);
            await tx.CommitAsync(ct);
        }
        return Partial("_HouseholdRow", new HouseholdRow(household, Revealed: true, CanReveal: false));
    }
}
