using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Data.People;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.People;

/// <summary>What a registry form's save came to: saved (with what the plan lost), or refused with its problems.</summary>
public sealed record RegistryResult(RegistryOutcome? Outcome, IReadOnlyList<Problem> Problems)
{
    public bool Saved => Outcome is not null;
}

/// <summary>The registry pages' common ground: who acts, within which scope, and a save turned into its result.</summary>
public abstract class RegistryPage(Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public RegistryResult? Result { get; protected set; }

    public DateOnly Today => ChinaTime.Today(clock);

    protected TimeProvider Clock => clock;

    protected Actor Actor => new(jurisdiction.UserName ?? "?");

    protected Domain.Access.Scope? Scope => jurisdiction.Scope;

    /// <summary>Runs a store call; a refusal becomes the form's problems (nothing was written).</summary>
    protected async Task<bool> SaveAsync(Func<Task<RegistryOutcome>> save)
    {
        try
        {
            Result = new RegistryResult(await save(), []);
            return true;
        }
        catch (RefusedException e)
        {
            Result = new RegistryResult(null, e.Problems);
            return false;
        }
    }
}
