using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Liaison.Data.Database;

/// <summary>
/// How bulk writes see one entity's table: names and getters taken from the EF model, so that the
/// fast paths can never drift from the mapping that migrations create.
/// </summary>
public sealed class TableSpec<T>
    where T : class
{
    private readonly IReadOnlyList<Func<T, object?>> _converted;

    internal TableSpec(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns, IReadOnlyList<Func<T, object?>> converted,
        IReadOnlyList<Func<Prepared<T>, object?>> getters, IReadOnlyList<Action<NpgsqlBinaryImporter, Prepared<T>>> copyWriters)
    {
        Table = table;
        KeyColumns = keyColumns;
        Columns = columns;
        _converted = converted;
        Getters = getters;
        CopyWriters = copyWriters;
    }

    public string Table { get; }
    public IReadOnlyList<string> KeyColumns { get; }
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each column's value as stored, for parameterised inserts.</summary>
    public IReadOnlyList<Func<Prepared<T>, object?>> Getters { get; }

    /// <summary>Typed writers for binary COPY: no boxing, no type lookup per value.</summary>
    public IReadOnlyList<Action<NpgsqlBinaryImporter, Prepared<T>>> CopyWriters { get; }

    /// <summary>
    /// Computes the values that columns with a converter store (personal data: encrypted). Bulk
    /// writers call it on the reading thread, so that encryption runs beside the database, not
    /// between its writes.
    /// </summary>
    public Prepared<T> Prepare(T row)
    {
        if (_converted.Count == 0)
        {
            return new Prepared<T>(row, null);
        }
        var stored = new object?[_converted.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = _converted[i](row);
        }
        return new Prepared<T>(row, stored);
    }

    /// <summary>
    /// The columns as the statements name them: each quoted, so a column named by a reserved word
    /// (a deed's <c>on</c>) is a name to both databases. The names are EF's lower-case ones, which
    /// quoting leaves as they are.
    /// </summary>
    public string ColumnList => string.Join(", ", Columns.Select(Quote));

    /// <summary>INSERT ... ON CONFLICT (keys) DO UPDATE: the same text in PostgreSQL and SQLite.</summary>
    public string UpsertTail() =>
        $" ON CONFLICT ({string.Join(", ", KeyColumns.Select(Quote))}) DO UPDATE SET " +
        string.Join(", ", Columns.Where(c => !KeyColumns.Contains(c)).Select(c => $"{Quote(c)} = excluded.{Quote(c)}"));

    private static string Quote(string column) => '"' + column + '"';
}

/// <summary>A row with the stored form of its converted columns, ready to write.</summary>
public readonly record struct Prepared<T>(T Row, object?[]? Stored);

public static class TableSpec
{
    /// <summary>
    /// A spec writing <paramref name="properties"/> and matching rows on <paramref name="keyProperties"/>
    /// (a unique index). Generated ids are left to the database.
    /// </summary>
    public static TableSpec<T> For<T>(DbContext db, string[] keyProperties, params string[] properties)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sealedEntity = Privacy.SealedEntity.Of(entity);
        IProperty Property(string p) => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped");
        string Column(string p) => sealedEntity?.Find(p) is { } s ? s.Column : Property(p).GetColumnName(store)!;
        // A sealed column (personal data) is written encrypted and bound to the row, and a column
        // with a converter as the converter stores it, computed once per row by Prepare; the others
        // are read straight from the row.
        var converted = new List<Func<T, object?>>();
        var getters = new List<Func<Prepared<T>, object?>>();
        var copyWriters = new List<Action<NpgsqlBinaryImporter, Prepared<T>>>();
        foreach (var p in properties)
        {
            var get = Getter<T>(p);
            Func<T, object?>? convert = null;
            var text = true;
            if (sealedEntity?.Find(p) is { } seal)
            {
                // A value bound to a row identity the statement does not write would be bound to the wrong row on an update.
                if (sealedEntity.RowProperties.Except(properties).FirstOrDefault() is { } missing)
                {
                    throw new InvalidOperationException($"{typeof(T).Name}.{p} is sealed to its row: write {missing} with it");
                }
                convert = row => get(row) is string v ? Privacy.PersonalDataKeys.Current.Protect(v, seal.Binding, sealedEntity.RowOf(row)) : null;
            }
            else if (Property(p).GetValueConverter() is { } converter)
            {
                convert = row => get(row) is { } v ? converter.ConvertToProvider(v) : null;
                text = converter.ProviderClrType == typeof(string);
            }
            if (convert is not null)
            {
                var slot = converted.Count;
                converted.Add(convert);
                getters.Add(r => r.Stored![slot]);
                copyWriters.Add((w, r) =>
                {
                    // Converters to other types exist on SQLite only (times as numbers), which COPY never meets.
                    if (!text)
                    {
                        throw new NotSupportedException("binary COPY writes converted text only");
                    }
                    if (r.Stored![slot] is string v)
                    {
                        w.Write(v);
                    }
                    else
                    {
                        w.WriteNull();
                    }
                });
            }
            else
            {
                var write = CopyWriter<T>(p);
                var type = Nullable.GetUnderlyingType(Property(p).ClrType) ?? Property(p).ClrType;
                // SQLite keeps a Guid as upper-case text (as EF and Microsoft.Data.Sqlite write and compare it), never as the blob a bare parameter would bind.
                getters.Add(type == typeof(Guid) ? r => get(r.Row) is Guid g ? g.ToString().ToUpperInvariant() : null : r => get(r.Row));
                copyWriters.Add((w, r) => write(w, r.Row));
            }
        }
        return new TableSpec<T>(table, keyProperties.Select(Column).ToList(), properties.Select(Column).ToList(), converted, getters, copyWriters);
    }

    /// <summary>A writer of one property into binary COPY, typed as the database stores it (enums as integers).</summary>
    private static Action<NpgsqlBinaryImporter, T> CopyWriter<T>(string property)
    {
        var info = typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!;
        var x = Expression.Parameter(typeof(T));
        Expression value = Expression.Property(x, info);
        var underlying = Nullable.GetUnderlyingType(info.PropertyType);
        var stored = (underlying ?? info.PropertyType).IsEnum ? typeof(int) : underlying ?? info.PropertyType;
        var target = underlying is not null ? typeof(Nullable<>).MakeGenericType(stored) : stored;
        if (target != info.PropertyType)
        {
            value = Expression.Convert(value, target);
        }
        var getter = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), target), value, x).Compile();
        var maker = underlying is not null ? nameof(NullableValueWriter) : stored.IsValueType ? nameof(ValueWriter) : nameof(ReferenceWriter);
        return (Action<NpgsqlBinaryImporter, T>)typeof(TableSpec).GetMethod(maker, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(T), stored).Invoke(null, [getter])!;
    }

    private static Action<NpgsqlBinaryImporter, T> ValueWriter<T, TValue>(Func<T, TValue> get)
        where TValue : struct => (w, row) => w.Write(get(row));

    private static Action<NpgsqlBinaryImporter, T> NullableValueWriter<T, TValue>(Func<T, TValue?> get)
        where TValue : struct => (w, row) =>
        {
            if (get(row) is { } v)
            {
                w.Write(v);
            }
            else
            {
                w.WriteNull();
            }
        };

    private static Action<NpgsqlBinaryImporter, T> ReferenceWriter<T, TValue>(Func<T, TValue?> get)
        where TValue : class => (w, row) =>
        {
            if (get(row) is { } v)
            {
                w.Write(v);
            }
            else
            {
                w.WriteNull();
            }
        };

    /// <summary>Reads a property as the database stores it: enums as their integer value.</summary>
    private static Func<T, object?> Getter<T>(string property)
    {
        var info = typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}");
        var x = Expression.Parameter(typeof(T));
        Expression value = Expression.Property(x, info);
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        if (type.IsEnum)
        {
            var target = Nullable.GetUnderlyingType(info.PropertyType) is null ? typeof(int) : typeof(int?);
            value = Expression.Convert(value, target);
        }
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(value, typeof(object)), x).Compile();
    }

}
