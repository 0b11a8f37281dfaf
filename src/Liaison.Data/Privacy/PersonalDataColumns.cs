using System.Data.Common;
using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Privacy;

/// <summary>Where personal data is stored: every column the EF model encrypts, found from the model itself.</summary>
public static class PersonalDataColumns
{
    /// <summary>A column that holds personal data; <paramref name="Binding"/> is the label its values are bound to.</summary>
    public sealed record Column(string Table, string KeyColumn, string Name, string Binding);

    public static IReadOnlyList<Column> All(LiaisonDb db) =>
        db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties()
                .Where(p => p.GetValueConverter() is PersonalDataConverter)
                .Select(p =>
                {
                    var table = e.GetTableName()!;
                    var store = StoreObjectIdentifier.Table(table, e.GetSchema());
                    return new Column(table, e.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!, p.GetColumnName(store)!, ((PersonalDataConverter)p.GetValueConverter()!).Column);
                }))
            .ToList();

    /// <summary>
    /// Rewrites every value not encrypted with the primary key and bound to its column (older keys,
    /// values written before binding, or clear text written before encryption) with the primary key,
    /// in one transaction; returns how many were rewritten. The one place clear text in an encrypted
    /// column is taken as a value: the operator asks for it.
    /// </summary>
    public static async Task<long> ReencryptAsync(LiaisonDb db, TimeProvider clock, Actor actor, CancellationToken ct)
    {
        var keys = PersonalDataKeys.Current;
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        long total = 0;
        foreach (var c in All(db))
        {
            var stale = new List<(object Id, string Value)>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"SELECT {c.KeyColumn}, {c.Name} FROM {c.Table} WHERE {c.Name} IS NOT NULL";
                await using var r = await read.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var stored = r.GetString(1);
                    if (!keys.IsCurrent(stored))
                    {
                        stale.Add((r.GetValue(0), stored));
                    }
                }
            }
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = $"UPDATE {c.Table} SET {c.Name} = @v WHERE {c.KeyColumn} = @id";
            var value = Parameter(write, "@v");
            var id = Parameter(write, "@id");
            foreach (var (key, stored) in stale)
            {
                value.Value = keys.Protect(PersonalDataKeys.IsProtected(stored) ? keys.Unprotect(stored, c.Binding) : stored, c.Binding);
                id.Value = key;
                await write.ExecuteNonQueryAsync(ct);
            }
            total += stale.Count;
        }
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("keys.reencrypt", "personal-data", keys.Primary, null, null, new { key = keys.Primary, values = total }), ct);
        await tx.CommitAsync(ct);
        return total;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
