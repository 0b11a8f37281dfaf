namespace Liaison.Data.Access;

/// <summary>
/// The explicit way to step outside <see cref="Scoped"/>: a section of code that must read records
/// of any division — a store that checks the actor's reach on the record it loaded
/// (<see cref="Scoped.Covers"/>), a background job that works for the whole city, the operator's
/// own commands, signing in. The reason is named where the section starts, so that every step
/// outside is found by <c>grep -rn "Unscoped.Section"</c>; <see cref="ScopeGuard"/> lets reads
/// inside a section pass and names the section in its log.
/// </summary>
public static class Unscoped
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>Why the code running now reads outside a scope (null: it does not).</summary>
    public static string? Reason => Current.Value;

    /// <summary>
    /// Starts a section that reads outside any scope, for <paramref name="why"/>; it ends when the
    /// returned value is disposed. It flows into the awaited calls made within, not back to the caller.
    /// </summary>
    public static IDisposable Section(string why)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        var outer = Current.Value;
        Current.Value = why;
        return new End(outer);
    }

    private sealed class End(string? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
