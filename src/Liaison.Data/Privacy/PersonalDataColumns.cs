using System.Data.Common;
using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Privacy;

/// <summary>Where personal data is stored: every column the EF model encrypts, found from the model itself.</summary>
public static class PersonalDataColumns
{
    /// <summary>A column that holds personal data, in its table (<see cref="SealedEntity"/>).</summary>
    public sealed record Column(SealedEntity Entity, SealedProperty Property)
    {
        public string Table => Entity.Table;
        public string Name => Property.Column;
        public string Binding => Property.Binding;

        /// <summary>Reads the primary key, the stored value and the row's identity of every row holding a value, in key order.</summary>
        public string SelectStored(string? limit = null) =>
            $"SELECT {Entity.KeyColumn}, {Name}, {string.Join(", ", Entity.RowColumns)} FROM {Table} WHERE {Name} IS NOT NULL ORDER BY {Entity.KeyColumn}{limit}";

        /// <summary>The row's identity from a row read by <see cref="SelectStored"/>.</summary>
        public string RowOf(DbDataReader r) =>
            SealedEntity.Join(Enumerable.Range(2, Entity.RowColumns.Count).Select(i => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>The clear text of a stored value read by <see cref="SelectStored"/>.</summary>
        public string Open(PersonalDataKeys keys, DbDataReader r) => keys.Unprotect(r.GetString(1), Binding, RowOf(r));
    }

    public static IReadOnlyList<Column> All(LiaisonDb db) =>
        SealedEntity.All(db.Model).SelectMany(e => e.Properties.Select(p => new Column(e, p))).ToList();

    /// <summary>
    /// Rewrites every value not encrypted with the primary key and bound to its row (older keys,
    /// values written before binding to the row, or clear text written before encryption) with the primary key,
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
                read.CommandText = c.SelectStored();
                await using var r = await read.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var stored = r.GetString(1);
                    if (!keys.IsCurrent(stored))
                    {
                        var row = c.RowOf(r);
                        stale.Add((r.GetValue(0), keys.Protect(PersonalDataKeys.IsProtected(stored) ? c.Open(keys, r) : stored, c.Binding, row)));
                    }
                }
            }
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = $"UPDATE {c.Table} SET {c.Name} = @v WHERE {c.Entity.KeyColumn} = @id";
            var value = Parameter(write, "@v");
            var id = Parameter(write, "@id");
            foreach (var (key, sealedValue) in stale)
            {
                value.Value = sealedValue;
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
