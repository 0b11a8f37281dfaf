using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary><c>liaison import cadres</c>: cadres by staff number, each of an existing unit.</summary>
public sealed class CadreImporter(TimeProvider clock) : TableImporter<Cadre>(clock)
{
    private Dictionary<string, int> _units = [];

    /// <summary>The file's columns in template order, also the export's (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("code", true, "干部编号", "code"),
        new("name", true, "姓名", "name"),
        new("unit", true, "单位编码", "unit_code"),
        new("rank", true, "职级", "rank"),
        new("reserve", false, "后备干部", "reserve"),
        new("police", false, "民警", "police"),
        new("newly_promoted", false, "新提拔无基层经历", "newly_promoted"),
        new("birth_year", true, "出生年份", "birth_year"),
        new("gender", true, "性别", "gender"),
        new("phone", false, "手机号码", "phone", "电话"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Layout;

    protected override string Entity => "cadres";

    protected override string KeyColumn => "code";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct) =>
        _units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);

    protected override Cadre? Parse(RowReader row)
    {
        var code = row.Text("code", 40, required: true);
        var name = row.Text("name", 50, required: true);
        var unitCode = row.Required("unit");
        var unitId = 0;
        if (unitCode.Length > 0 && !_units.TryGetValue(unitCode, out unitId))
        {
            row.Problem("unit", ImportReason.UnknownUnit, unitCode);
        }
        var rank = row.Choice("rank", Terms.Ranks);
        var year = Clock.GetUtcNow().Year;
        var birthYear = row.Number("birth_year", year - 80, year - 16, required: true);
        var gender = row.Choice("gender", Terms.Genders);
        var cadre = new Cadre
        {
            Code = code,
            Name = name,
            UnitId = unitId,
            Rank = rank,
            IsReserve = row.YesNo("reserve"),
            IsPolice = row.YesNo("police"),
            IsNewlyPromoted = row.YesNo("newly_promoted"),
            BirthYear = birthYear,
            Gender = gender,
            Phone = row.Phone("phone"),
        };
        return code.Length == 0 || name.Length == 0 || unitId == 0 || rank == default || birthYear == 0 || gender == default ? null : cadre;
    }

    protected override string Key(Cadre item) => item.Code;

    protected override TableSpec<Cadre> Spec(LiaisonDb db) => CadreSpec(db);

    public static TableSpec<Cadre> CadreSpec(LiaisonDb db) => TableSpec.For<Cadre>(db, [nameof(Cadre.Code)],
        nameof(Cadre.Code), nameof(Cadre.Name), nameof(Cadre.UnitId), nameof(Cadre.Rank), nameof(Cadre.IsReserve), nameof(Cadre.IsPolice),
        nameof(Cadre.IsNewlyPromoted), nameof(Cadre.BirthYear), nameof(Cadre.Gender), nameof(Cadre.Phone));
}
