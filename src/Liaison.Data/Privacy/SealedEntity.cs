using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Privacy;

/// <summary>
/// An entity whose personal data is stored encrypted and bound to its row. The clear-text property
/// (e.g. <c>Household.HeadName</c>) is not mapped; a shadow property holds the stored form in the
/// same column, and <see cref="SealingInterceptor"/> turns one into the other when rows are read and
/// saved (an EF value converter cannot: it never sees the row). A row is known by its natural key —
/// the cadre's staff code, the household's village and house number, the case's tracking code, the
/// dispute's reference — which exists before the row is inserted, unlike a generated id, so that EF
/// and the bulk writers seal a new row's values in the same statement that writes it.
/// </summary>
public sealed class SealedEntity
{
    private const string RowAnnotation = "Liaison:SealedRow";
    private const string SealsAnnotation = "Liaison:Seals";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IReadOnlyEntityType, SealedEntity?> Cache = new();

    private readonly Func<object, string>[] _row;

    private SealedEntity(IReadOnlyEntityType type)
    {
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        Table = table;
        RowProperties = ((string)type.FindAnnotation(RowAnnotation)!.Value!).Split(',');
        RowColumns = RowProperties.Select(p => type.FindProperty(p)!.GetColumnName(store)!).ToList();
        _row = RowProperties.Select(p => Getter(type.ClrType, p)).ToArray();
        KeyColumn = type.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
        Properties = type.GetProperties()
            .Where(p => p.FindAnnotation(SealsAnnotation) is not null)
            .Select(p =>
            {
                var clr = type.ClrType.GetProperty((string)p.FindAnnotation(SealsAnnotation)!.Value!)!;
                var column = p.GetColumnName(store)!;
                return new SealedProperty(clr, p.Name, column, table + "." + column);
            })
            .ToList();
    }

    public string Table { get; }

    /// <summary>The properties whose values make the row's identity, and their columns, in order.</summary>
    public IReadOnlyList<string> RowProperties { get; }
    public IReadOnlyList<string> RowColumns { get; }

    /// <summary>The primary key's column, to rewrite one row (<c>keys reencrypt</c>).</summary>
    public string KeyColumn { get; }

    public IReadOnlyList<SealedProperty> Properties { get; }

    /// <summary>The sealed columns of an entity type, or null when it has none.</summary>
    public static SealedEntity? Of(IReadOnlyEntityType type) =>
        Cache.GetOrAdd(type, t => t.FindAnnotation(RowAnnotation) is null ? null : new SealedEntity(t));

    /// <summary>Every entity of the model with sealed columns.</summary>
    public static IReadOnlyList<SealedEntity> All(IReadOnlyModel model) =>
        model.GetEntityTypes().Select(Of).OfType<SealedEntity>().ToList();

    /// <summary>The row's identity as its values are bound to it: the natural key's values, separated by a control character no key holds.</summary>
    public string RowOf(object entity)
    {
        // Called for every sealed value a bulk writer writes: no enumerator, one string.
        if (_row.Length == 1)
        {
            return _row[0](entity) ?? "";
        }
        if (_row.Length == 2)
        {
            return string.Concat(_row[0](entity), "\u001f", _row[1](entity));
        }
        var values = new string?[_row.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _row[i](entity);
        }
        return string.Join('\u001f', values);
    }

    /// <summary>The same identity from the stored values of <see cref="RowColumns"/> (raw readers).</summary>
    public static string Join(IEnumerable<string?> values) => string.Join('\u001f', values);

    public SealedProperty? Find(string clrName) => Properties.FirstOrDefault(p => p.Clr.Name == clrName);

    private static Func<object, string> Getter(Type type, string property)
    {
        var info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!;
        var x = Expression.Parameter(typeof(object));
        var value = Expression.Property(Expression.Convert(x, type), info);
        // Row identities are text (codes); anything else is written as the invariant culture would.
        Expression text = info.PropertyType == typeof(string)
            ? value
            : Expression.Call(typeof(Convert), nameof(Convert.ToString), null, Expression.Convert(value, typeof(object)), Expression.Constant(CultureInfo.InvariantCulture, typeof(IFormatProvider)));
        return Expression.Lambda<Func<object, string>>(text, x).Compile();
    }

    /// <summary>Names the natural key a sealed entity's values are bound to.</summary>
    public static void RowIs<T>(EntityTypeBuilder<T> b, params Expression<Func<T, string>>[] properties)
        where T : class =>
        b.HasAnnotation(RowAnnotation, string.Join(',', properties.Select(Name)));

    /// <summary>
    /// Stores <paramref name="property"/> encrypted in its column (named as the convention would name
    /// it), bound to the row; <paramref name="maxLength"/> leaves room for the nonce, tag and key id.
    /// </summary>
    public static void Seal<T>(EntityTypeBuilder<T> b, Expression<Func<T, string?>> property, int maxLength)
        where T : class
    {
        var name = Name(property);
        var required = new NullabilityInfoContext().Create(typeof(T).GetProperty(name)!).WriteState == NullabilityState.NotNull;
        b.Ignore(name);
        b.Property<string>(name + "Sealed")
            .HasColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(name))
            .HasMaxLength(maxLength)
            .IsRequired(required)
            .HasAnnotation(SealsAnnotation, name);
    }

    private static string Name(LambdaExpression e) => ((MemberExpression)e.Body).Member.Name;
}

/// <summary>One sealed column: the clear-text property, the shadow property holding the stored form, and the column's binding ("table.column").</summary>
public sealed record SealedProperty(PropertyInfo Clr, string Shadow, string Column, string Binding);
