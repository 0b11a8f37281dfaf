namespace Liaison.App.Web;

/// <summary>Where a "return to" parameter may send the browser: a path of this site only, never another host.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
