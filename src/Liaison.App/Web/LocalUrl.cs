namespace Liaison.App.Web;

/// <summary>Where a "return to" parameter may send the browser: a path of this site only, never another host.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The URL when it is a plain local path, else the home page: never another host (<c>//x</c>,
    /// <c>/\x</c>), and never a control character (a header split), which would make the framework's
    /// local redirect throw.
    /// </summary>
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
