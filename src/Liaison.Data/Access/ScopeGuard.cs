using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Liaison.Data.Access;

/// <summary>What <see cref="ScopeGuard"/> does with a read that bypassed <see cref="Scoped"/>.</summary>
public enum ScopeGuardMode
{
    /// <summary>Nothing (the default: the check costs a scan of each statement's text).</summary>
    Off,
    /// <summary>Remembers it (<see cref="ScopeGuard.Findings"/>) and lets it run.</summary>
    Log,
    /// <summary>Remembers it and fails the statement (the tests run this way).</summary>
    Fail,
}

/// <summary>
/// Catches a read of the records of a division that went neither through <see cref="Scoped"/> (whose
/// statements carry its tag) nor through an <see cref="Unscoped.Section"/>: a page or endpoint that
/// read <c>db.Households</c> directly would otherwise show another county's villagers, and only a
/// test of that exact page would notice. The tables it watches are those of
/// <see cref="Scoped.Entities"/>, found in the model, so a new scoped root is watched as it is added.
/// </summary>
public sealed partial class ScopeGuard(ScopeGuardMode mode, ILogger? log = null) : DbCommandInterceptor
{
    /// <summary>Findings kept at most (a server left on "log" keeps the first ones; the log has them all).</summary>
    public const int MaxFindings = 1_000;

    private readonly ConcurrentQueue<string> _findings = new();

    public ScopeGuardMode Mode { get; } = mode;

    /// <summary>The unscoped reads seen so far (up to <see cref="MaxFindings"/>): the table, then the statement's first line.</summary>
    public IReadOnlyCollection<string> Findings => _findings;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command, DbContext? context)
    {
        if (Mode == ScopeGuardMode.Off || context is null || Unscoped.Reason is not null)
        {
            return;
        }
        if (UnscopedTable(command.CommandText, Watched(context.Model)) is not { } table)
        {
            return;
        }
        var first = command.CommandText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)) ?? "";
        var finding = $"{table}: {first}";
        if (_findings.Count < MaxFindings)
        {
            _findings.Enqueue(finding);
        }
        log?.LogWarning("Unscoped read of {Finding}", finding);
        if (Mode == ScopeGuardMode.Fail)
        {
            throw new UnscopedReadException(finding);
        }
    }

    /// <summary>
    /// The watched table a statement reads without the <see cref="Scoped.Tag"/>, or null. Only reads
    /// count (a statement that starts with SELECT or WITH); writes are the stores' business.
    /// </summary>
    public static string? UnscopedTable(string sql, IReadOnlySet<string> watched)
    {
        var tagged = false;
        var body = 0;
        foreach (var line in sql.Split('\n'))
        {
            var text = line.Trim();
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            tagged |= text[2..].Trim() == Scoped.Tag;
            body += line.Length + 1;
        }
        if (tagged || body >= sql.Length)
        {
            return null;
        }
        var rest = sql.AsSpan(body).TrimStart();
        if (!rest.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        foreach (Match m in TableRead().Matches(sql, body))
        {
            if (watched.Contains(m.Groups[1].Value))
            {
                return m.Groups[1].Value;
            }
        }
        return null;
    }

    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, IReadOnlySet<string>> Tables = new();

    private static IReadOnlySet<string> Watched(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        Tables.GetValue(model, m => Scoped.Entities.Select(t => m.FindEntityType(t)?.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal));

    // FROM "households" AS "h" (SQLite) / JOIN cases AS c (PostgreSQL quotes only what needs it).
    [GeneratedRegex("""\b(?:FROM|JOIN)\s+"?([a-z_]+)"?(?![a-z_.])""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableRead();
}

/// <summary>A read of a division's records that bypassed <see cref="Scoped"/>, failed by <see cref="ScopeGuard"/>.</summary>
public sealed class UnscopedReadException(string finding)
    : InvalidOperationException($"unscoped read of {finding} (read through Liaison.Data.Access.Scoped, or inside Unscoped.Section(why))");
