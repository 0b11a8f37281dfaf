using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Data.Privacy;

/// <summary>
/// Turns sealed columns (<see cref="SealedEntity"/>) into clear text when EF reads a row, and clear
/// text into the stored form when it saves one: new rows, changed values, and every value of a row
/// whose identity changed (so that it stays bound to the row it is in).
/// </summary>
public sealed class SealingInterceptor : SaveChangesInterceptor, IMaterializationInterceptor
{
    public static readonly SealingInterceptor Instance = new();

    // The clear text each tracked entity was read or last saved with: what tells a change, since EF
    // does not track a property it does not map. Weak, so that entities are never kept alive by it.
    private static readonly ConditionalWeakTable<object, string?[]> Known = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (SealedEntity.Of(materializationData.EntityType) is not { } sealedEntity)
        {
            return entity;
        }
        var keys = PersonalDataKeys.Current;
        var row = sealedEntity.RowOf(entity);
        var known = new string?[sealedEntity.Properties.Count];
        for (var i = 0; i < known.Length; i++)
        {
            var p = sealedEntity.Properties[i];
            var stored = materializationData.GetPropertyValue<string?>(p.Shadow);
            known[i] = stored is null ? null : keys.Unprotect(stored, p.Binding, row);
            p.Clr.SetValue(entity, known[i]);
        }
        Known.AddOrUpdate(entity, known);
        return entity;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seal(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private static void Seal(DbContext db)
    {
        PersonalDataKeys? keys = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached || SealedEntity.Of(entry.Metadata) is not { } sealedEntity)
            {
                continue;
            }
            var fresh = entry.State == EntityState.Added || !Known.TryGetValue(entry.Entity, out _);
            var moved = !fresh && sealedEntity.RowProperties.Any(p => entry.Property(p).IsModified);
            Known.TryGetValue(entry.Entity, out var known);
            var now = new string?[sealedEntity.Properties.Count];
            string? row = null;
            for (var i = 0; i < now.Length; i++)
            {
                var p = sealedEntity.Properties[i];
                now[i] = (string?)p.Clr.GetValue(entry.Entity);
                if (fresh || moved || !string.Equals(now[i], known![i], StringComparison.Ordinal))
                {
                    keys ??= PersonalDataKeys.Current;
                    row ??= sealedEntity.RowOf(entry.Entity);
                    entry.Property(p.Shadow).CurrentValue = now[i] is null ? null : keys.Protect(now[i]!, p.Binding, row);
                }
            }
            Known.AddOrUpdate(entry.Entity, now);
        }
    }
}
