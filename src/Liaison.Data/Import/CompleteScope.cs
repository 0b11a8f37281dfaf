using Liaison.Domain.People;
using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>
/// What an import declared complete for a scope (<c>--complete-for</c>) compares with: the scope in
/// words, the column a row outside it is refused on, whether a row lies inside it, and the records
/// of the scope that are active now — those the file does not list are ended.
/// </summary>
public sealed record CompleteRoster<T>(Term Scope, string Column, Func<T, bool> Covers, IReadOnlyList<RosterMember> Members);

/// <summary>An active record of a complete roster's scope: its id, its key as the file gives it, and what ending it means (for the preview).</summary>
public sealed record RosterMember(long Id, string Key, Term Ending);

/// <summary>
/// How an import keeps a registry's record versions (optimistic concurrency, as the forms under
/// /people): a record the import changes gets the next version and a <see cref="RegistryEvent"/>
/// naming the fields, so that a form opened before the import is refused on saving, with what changed.
/// </summary>
public sealed record RegistryVersioning<T>(
    RegistryKind Kind,
    Func<T, long> Id,
    Func<T, int> Version,
    Action<T, int> SetVersion,
    Func<T, string> Division,
    Func<string, string> Field);
