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
    internal TableSpec(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns, IReadOnlyList<Func<T, object?>> getters, IReadOnlyList<Action<NpgsqlBinaryImporter, T>> copyWriters)
    {
        Table = table;
        KeyColumns = keyColumns;
        Columns = columns;
        Getters = getters;
        CopyWriters = copyWriters;
    }

    public string Table { get; }
    public IReadOnlyList<string> KeyColumns { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<Func<T, object?>> Getters { get; }

    /// <summary>Typed writers for binary COPY: no boxing, no type lookup per value.</summary>
    public IReadOnlyList<Action<NpgsqlBinaryImporter, T>> CopyWriters { get; }

    /// <summary>INSERT ... ON CONFLICT (keys) DO UPDATE: the same text in PostgreSQL and SQLite.</summary>
    public string UpsertTail() =>
        $" ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET " +
        string.Join(", ", Columns.Where(c => !KeyColumns.Contains(c)).Select(c => $"{c} = excluded.{c}"));
}

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
        IProperty Property(string p) => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped");
        string Column(string p) => Property(p).GetColumnName(store)!;
        // A column with a converter (personal data: encrypted) is written as the converter stores it.
        Func<T, object?> Stored(string p) => Converted(Getter<T>(p), Property(p).GetValueConverter());
        Action<NpgsqlBinaryImporter, T> Copy(string p) => Property(p).GetValueConverter() is { } c ? ConvertedCopy(Getter<T>(p), c) : CopyWriter<T>(p);
        return new TableSpec<T>(
            table,
            keyProperties.Select(Column).ToList(),
            properties.Select(Column).ToList(),
            properties.Select(Stored).ToList(),
            properties.Select(Copy).ToList());
    }

    private static Func<T, object?> Converted<T>(Func<T, object?> get, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        converter is null ? get : row => get(row) is { } v ? converter.ConvertToProvider(v) : null;

    private static Action<NpgsqlBinaryImporter, T> ConvertedCopy<T>(Func<T, object?> get, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter converter)
    {
        if (converter.ProviderClrType != typeof(string))
        {
            throw new NotSupportedException($"bulk writes convert to text only, not {converter.ProviderClrType.Name}");
        }
        return (w, row) =>
        {
            if (get(row) is { } v)
            {
                w.Write((string)converter.ConvertToProvider(v)!);
            }
            else
            {
                w.WriteNull();
            }
        };
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
