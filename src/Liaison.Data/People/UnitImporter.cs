using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary><c>liaison import units</c>: units by their code, each in an existing division of its level.</summary>
public sealed class UnitImporter(TimeProvider clock) : TableImporter<Unit>(clock)
{
    private Dictionary<string, DivisionLevel> _divisions = [];

    /// <summary>The file's columns in template order, also the export's (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("code", true, "单位编码", "code"),
        new("name", true, "单位名称", "name"),
        new("level", true, "层级", "level"),
        new("category", true, "类别", "category"),
        new("division", true, "所属行政区划代码", "division_code", "行政区划代码"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Layout;

    protected override string Entity => "units";

    protected override string KeyColumn => "code";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct) =>
        _divisions = await db.Divisions.AsNoTracking().Where(d => d.Level <= DivisionLevel.Township)
            .ToDictionaryAsync(d => d.Code, d => d.Level, ct);

    protected override Unit? Parse(RowReader row)
    {
        var code = row.Code("code", required: true);
        var name = row.Name("name", 100, required: true);
        var level = row.Choice("level", Terms.UnitLevels);
        var category = row.Choice("category", Terms.UnitCategories);
        var division = row.Code("division", required: true);
        if (division.Length > 0 && level != default)
        {
            if (!_divisions.TryGetValue(division, out var divisionLevel))
            {
                row.Problem("division", ImportReason.UnknownDivision, division);
                return null;
            }
            if ((int)divisionLevel != (int)level)
            {
                row.Expected("division", division, new Term($"层级为{Terms.UnitLevels[level].Zh}的行政区划", $"a division of level {Terms.UnitLevels[level].En}"));
                return null;
            }
        }
        if (code.Length == 0 || name.Length == 0 || level == default || category == default || division.Length == 0)
        {
            return null;
        }
        return new Unit { Code = code, Name = name, Level = level, Category = category, DivisionCode = division };
    }

    protected override string Key(Unit item) => item.Code;

    protected override string? DivisionOf(Unit item) => item.DivisionCode;

    protected override string PlaceColumn => "division";

    protected override Term Show(string property, object? value) => value switch
    {
        UnitLevel l => Terms.UnitLevels.GetValueOrDefault(l, Term.Same(l.ToString())),
        UnitCategory c => Terms.UnitCategories.GetValueOrDefault(c, Term.Same(c.ToString())),
        _ => base.Show(property, value),
    };

    protected override TableSpec<Unit> Spec(LiaisonDb db) => TableSpec.For<Unit>(db, [nameof(Unit.Code)],
        nameof(Unit.Code), nameof(Unit.Name), nameof(Unit.Level), nameof(Unit.Category), nameof(Unit.DivisionCode), nameof(Unit.Version));

    protected override RegistryVersioning<Unit> Versions => new(RegistryKind.Unit, u => u.Id, u => u.Version, (u, v) => u.Version = v,
        u => u.DivisionCode, p => p switch
        {
            nameof(Unit.Name) => "unitName",
            nameof(Unit.DivisionCode) => "division",
            _ => char.ToLowerInvariant(p[0]) + p[1..],
        });
}
