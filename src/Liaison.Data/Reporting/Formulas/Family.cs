using System.Linq.Expressions;
using System.Reflection;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// Indicators counted from one row source in one statement (decision 0014). Each indicator is one
/// line — <see cref="Count(Indicator)"/>, <see cref="Count(Indicator, Expression{Func{T, bool}})"/>,
/// <see cref="Sum"/>, <see cref="Amount"/>, <see cref="One"/> — and <see cref="ReadAsync"/> composes
/// the lines into a single typed <c>GroupBy … Select</c> whose row keeps each value in a slot the
/// family knows the indicator of: one query however many indicators, values read by indicator and
/// never by a column's position, the same text for either database.
/// </summary>
/// <typeparam name="T">The rows counted: an entity, or a small projection of joined entities.</typeparam>
public sealed class Family<T>
{
    private readonly List<(Indicator Indicator, LambdaExpression Value, bool IsMoney)> _lines = [];
    private int _counts;
    private int _money;

    /// <summary>Every row of the group.</summary>
    public Family<T> Count(Indicator indicator) => Add(indicator, (Expression<Func<IEnumerable<T>, long>>)(rows => rows.LongCount()));

    /// <summary>The rows of the group that satisfy <paramref name="where"/>.</summary>
    public Family<T> Count(Indicator indicator, Expression<Func<T, bool>> where) =>
        Add(indicator, Aggregate(nameof(Enumerable.LongCount), where));

    /// <summary>The sum of a whole-number value over the group's rows.</summary>
    public Family<T> Sum(Indicator indicator, Expression<Func<T, long>> value) =>
        Add(indicator, Aggregate(nameof(Enumerable.Sum), value));

    /// <summary>
    /// The sum of an exact amount (yuan kept to the fen, kilometres to the metre), stored to the
    /// indicator's <see cref="Indicator.Decimals"/> (whole yuan; metres of a figure in kilometres).
    /// </summary>
    public Family<T> Amount(Indicator indicator, Expression<Func<T, decimal>> amount) =>
        Add(indicator, Aggregate(nameof(Enumerable.Sum), amount), money: true);

    /// <summary>1 for every group that has rows: "villages with …".</summary>
    public Family<T> One(Indicator indicator) => Add(indicator, (Expression<Func<IEnumerable<T>, long>>)(_ => 1L));

    /// <summary>The indicators of the family, in the order of their lines.</summary>
    public IEnumerable<Indicator> Indicators => _lines.Select(l => l.Indicator);

    /// <summary>
    /// Groups <paramref name="rows"/> by the division each is counted at (and, for a flow, its month
    /// 1–12) and adds every line's value to <paramref name="cells"/>.
    /// </summary>
    public async Task ReadAsync(IQueryable<T> rows, Expression<Func<T, string>> code, Expression<Func<T, int>>? month, LeafCells cells, CancellationToken ct)
    {
        List<FamilyRow> read;
        if (month is null)
        {
            read = await rows.GroupBy(code).Select(Projection<string>(g => g.Key, g => 0)).ToListAsync(ct);
        }
        else
        {
            var x = code.Parameters[0];
            var key = Expression.Lambda<Func<T, CodeMonth>>(
                Expression.MemberInit(Expression.New(typeof(CodeMonth)),
                    Expression.Bind(typeof(CodeMonth).GetProperty(nameof(CodeMonth.Code))!, code.Body),
                    Expression.Bind(typeof(CodeMonth).GetProperty(nameof(CodeMonth.Month))!, Rebind.Body(month, x))),
                x);
            read = await rows.GroupBy(key).Select(Projection<CodeMonth>(g => g.Key.Code, g => g.Key.Month)).ToListAsync(ct);
        }
        foreach (var row in read)
        {
            int count = 0, money = 0;
            foreach (var line in _lines)
            {
                var value = line.IsMoney ? line.Indicator.Stored(row.Money(money++)) : row.Count(count++);
                cells.Add(row.Code, line.Indicator, row.Month, value);
            }
        }
    }

    private Family<T> Add(Indicator indicator, LambdaExpression value, bool money = false)
    {
        if (money ? _money == FamilyRow.MoneySlots : _counts == FamilyRow.CountSlots)
        {
            throw new InvalidOperationException($"a family holds at most {FamilyRow.CountSlots} counts and {FamilyRow.MoneySlots} amounts; start another family for {indicator.Id}");
        }
        _ = money ? _money++ : _counts++;
        _lines.Add((indicator, value, money));
        return this;
    }

    /// <summary><c>rows =&gt; rows.Method(selector)</c>, with the selector's own lambda.</summary>
    private static LambdaExpression Aggregate(string method, LambdaExpression selector)
    {
        var rows = Expression.Parameter(typeof(IEnumerable<T>), "rows");
        // Found once per aggregate and selector type: looking it up by name on every call cost a report a tenth of its time.
        var info = Methods.GetOrAdd((method, selector.Type), static k => typeof(Enumerable).GetMethods()
            .Single(m => m.Name == k.Item1 && m.GetParameters().Length == 2 && m.IsGenericMethodDefinition
                && m.GetParameters()[1].ParameterType.IsGenericType
                && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2
                && m.MakeGenericMethod(typeof(T)).GetParameters()[1].ParameterType == k.Item2)
            .MakeGenericMethod(typeof(T)));
        var call = Expression.Call(info, rows, selector);
        return Expression.Lambda(call, rows);
    }

    /// <summary><c>Enumerable.Sum</c> or <c>LongCount</c> over <typeparamref name="T"/>, by name and selector type.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Method, Type Selector), MethodInfo> Methods = new();

    /// <summary><c>g =&gt; new FamilyRow { Code = …, Month = …, C0 = line0(g), … }</c>.</summary>
    private Expression<Func<IGrouping<TKey, T>, FamilyRow>> Projection<TKey>(
        Expression<Func<IGrouping<TKey, T>, string>> code, Expression<Func<IGrouping<TKey, T>, int>> month)
    {
        var g = code.Parameters[0];
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(Slot(nameof(FamilyRow.Code)), code.Body),
            Expression.Bind(Slot(nameof(FamilyRow.Month)), Rebind.Body(month, g)),
        };
        int count = 0, money = 0;
        foreach (var line in _lines)
        {
            var slot = line.IsMoney ? $"M{money++}" : $"C{count++}";
            bindings.Add(Expression.Bind(Slot(slot), Rebind.Body(line.Value, g)));
        }
        return Expression.Lambda<Func<IGrouping<TKey, T>, FamilyRow>>(Expression.MemberInit(Expression.New(typeof(FamilyRow)), bindings), g);
    }

    private static PropertyInfo Slot(string name) => typeof(FamilyRow).GetProperty(name)!;
}

/// <summary>The key of a family counted by month.</summary>
public sealed class CodeMonth
{
    public string Code { get; set; } = "";
    public int Month { get; set; }
}

/// <summary>
/// One group's values as a family reads them. The slots are fixed so that any family's projection
/// is a plain member initialisation both providers translate; <see cref="Family{T}"/> alone knows
/// which indicator each slot holds.
/// </summary>
public sealed class FamilyRow
{
    public const int CountSlots = 16;
    public const int MoneySlots = 32;

    public string Code { get; set; } = "";
    public int Month { get; set; }
    public long C0 { get; set; }
    public long C1 { get; set; }
    public long C2 { get; set; }
    public long C3 { get; set; }
    public long C4 { get; set; }
    public long C5 { get; set; }
    public long C6 { get; set; }
    public long C7 { get; set; }
    public long C8 { get; set; }
    public long C9 { get; set; }
    public long C10 { get; set; }
    public long C11 { get; set; }
    public long C12 { get; set; }
    public long C13 { get; set; }
    public long C14 { get; set; }
    public long C15 { get; set; }
    public decimal M0 { get; set; }
    public decimal M1 { get; set; }
    public decimal M2 { get; set; }
    public decimal M3 { get; set; }
    public decimal M4 { get; set; }
    public decimal M5 { get; set; }
    public decimal M6 { get; set; }
    public decimal M7 { get; set; }
    public decimal M8 { get; set; }
    public decimal M9 { get; set; }
    public decimal M10 { get; set; }
    public decimal M11 { get; set; }
    public decimal M12 { get; set; }
    public decimal M13 { get; set; }
    public decimal M14 { get; set; }
    public decimal M15 { get; set; }
    public decimal M16 { get; set; }
    public decimal M17 { get; set; }
    public decimal M18 { get; set; }
    public decimal M19 { get; set; }
    public decimal M20 { get; set; }
    public decimal M21 { get; set; }
    public decimal M22 { get; set; }
    public decimal M23 { get; set; }
    public decimal M24 { get; set; }
    public decimal M25 { get; set; }
    public decimal M26 { get; set; }
    public decimal M27 { get; set; }
    public decimal M28 { get; set; }
    public decimal M29 { get; set; }
    public decimal M30 { get; set; }
    public decimal M31 { get; set; }

    internal long Count(int slot) => slot switch
    {
        0 => C0,
        1 => C1,
        2 => C2,
        3 => C3,
        4 => C4,
        5 => C5,
        6 => C6,
        7 => C7,
        8 => C8,
        9 => C9,
        10 => C10,
        11 => C11,
        12 => C12,
        13 => C13,
        14 => C14,
        15 => C15,
        _ => throw new ArgumentOutOfRangeException(nameof(slot)),
    };

    internal decimal Money(int slot) => slot switch
    {
        0 => M0,
        1 => M1,
        2 => M2,
        3 => M3,
        4 => M4,
        5 => M5,
        6 => M6,
        7 => M7,
        8 => M8,
        9 => M9,
        10 => M10,
        11 => M11,
        12 => M12,
        13 => M13,
        14 => M14,
        15 => M15,
        16 => M16,
        17 => M17,
        18 => M18,
        19 => M19,
        20 => M20,
        21 => M21,
        22 => M22,
        23 => M23,
        24 => M24,
        25 => M25,
        26 => M26,
        27 => M27,
        28 => M28,
        29 => M29,
        30 => M30,
        31 => M31,
        _ => throw new ArgumentOutOfRangeException(nameof(slot)),
    };
}

/// <summary>A lambda's body with its parameter replaced: how the lines are set into one projection.</summary>
internal sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Body(LambdaExpression lambda, Expression argument) =>
        new Rebind(lambda.Parameters[0], argument).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
