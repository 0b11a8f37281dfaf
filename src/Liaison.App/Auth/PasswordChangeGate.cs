namespace Liaison.App.Auth;

/// <summary>
/// After a reset, the temporary password opens the password page and nothing else: pages redirect
/// there, the API answers 403, until a new password is chosen. Signing out and static files stay open.
/// </summary>
public static class PasswordChangeGate
{
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        if (context.User.HasClaim(c => c.Type == LiaisonClaims.MustChangePassword)
            && !context.Request.Path.StartsWithSegments("/account/password")
            && !context.Request.Path.StartsWithSegments("/account/logout")
            && !Path.HasExtension(context.Request.Path.Value))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }
        return next();
    }
}
