using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Jobs;

/// <summary>Long work started from a page, followed until it is done (the page reloads itself, script or not).</summary>
public sealed class ShowModel(Web.Jobs jobs, Jurisdiction jurisdiction) : PageModel
{
    public Job Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        // Only who started it, or the administrator, follows a job; anyone else meets "not found".
        if (jobs.Find(id) is not { } job || (job.Owner != jurisdiction.UserName && jurisdiction.Role != Role.Admin))
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }
}
