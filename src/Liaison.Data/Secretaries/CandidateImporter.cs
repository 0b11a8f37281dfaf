using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Secretaries;

/// <summary>
/// <c>liaison import candidates</c>: a unit's list of cadres registering for a year's First
/// Secretary call, with the panel's scores on the four criteria (0–100, empty until scored) and
/// the home division to avoid. Re-importing updates a registration's scores. All or nothing.
/// </summary>
public sealed class CandidateImporter(TimeProvider clock) : TableImporter<SecretaryCandidate>(clock)
{
    private Dictionary<(int Year, string Division), SecretaryCall> _calls = [];
    private Dictionary<string, (int Id, int Level, string Division)> _cadres = [];
    private Dictionary<(int Year, int Cadre), string> _registered = [];
    private HashSet<string> _divisions = [];

    /// <summary>The file's columns in template order, also the export's (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("year", true, "年度", "year"),
        new("call", true, "选派区划代码", "call_division"),
        new("cadre", true, "干部编号", "cadre_code"),
        new("home", false, "家乡区划代码", "home_division"),
        new("political", false, "政治素质", "political_quality"),
        new("innovation", false, "创新能力", "innovation"),
        new("mass_work", false, "热爱群众工作", "mass_work"),
        new("coordination", false, "协调能力", "coordination"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Layout;

    protected override string Entity => "candidates";

    protected override string KeyColumn => "cadre";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct)
    {
        _calls = (await db.SecretaryCalls.AsNoTracking().ToListAsync(ct)).ToDictionary(c => (c.Year, c.DivisionCode));
        _cadres = (await (from c in db.Cadres.AsNoTracking()
                          join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                          select new { c.Code, c.Id, u.Level, u.DivisionCode }).ToListAsync(ct))
            .ToDictionary(x => x.Code, x => (x.Id, (int)x.Level, x.DivisionCode), StringComparer.Ordinal);
        var calls = _calls.Values.ToDictionary(c => c.Id);
        _registered = (await db.SecretaryCandidates.AsNoTracking().Select(c => new { c.CallId, c.CadreId }).ToListAsync(ct))
            .ToDictionary(x => (calls[x.CallId].Year, x.CadreId), x => calls[x.CallId].DivisionCode);
        _divisions = (await db.Divisions.AsNoTracking().Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    protected override SecretaryCandidate? Parse(RowReader row)
    {
        var year = row.Number("year", 2000, 2100, required: true);
        var division = row.Code("call", required: true);
        var cadreCode = row.Code("cadre", required: true);
        SecretaryCall? call = null;
        if (year != 0 && division.Length > 0 && !_calls.TryGetValue((year, division), out call))
        {
            row.Problem("call", ImportReason.UnknownCall, year.ToString(System.Globalization.CultureInfo.InvariantCulture), division);
        }
        (int Id, int Level, string Division) cadre = default;
        if (cadreCode.Length > 0 && !_cadres.TryGetValue(cadreCode, out cadre))
        {
            row.Problem("cadre", ImportReason.UnknownCadre, cadreCode);
        }
        else if (call is not null && (cadre.Level != (int)call.Level || cadre.Division != call.DivisionCode))
        {
            row.Problem("cadre", ImportReason.NotOfCall, cadreCode, call.DivisionCode);
            cadre = default;
        }
        else if (call is not null && _registered.TryGetValue((year, cadre.Id), out var other) && other != call.DivisionCode)
        {
            row.Problem("cadre", ImportReason.AlreadyRegistered, cadreCode, other);
            cadre = default;
        }
        var home = row.Code("home", required: false);
        if (home.Length > 0 && !_divisions.Contains(home))
        {
            row.Problem("home", ImportReason.UnknownDivision, home);
        }
        int? Score(string key) => CellNormaliser.Code(row.Optional(key)).Length == 0 ? null : row.Number(key, 0, 100, required: true);
        var scores = new[] { Score("political"), Score("innovation"), Score("mass_work"), Score("coordination") };
        return call is null || cadre.Id == 0 || (home.Length > 0 && !_divisions.Contains(home))
            ? null
            : new SecretaryCandidate
            {
                CallId = call.Id,
                CadreId = cadre.Id,
                HomeDivisionCode = home.Length > 0 ? home : null,
                PoliticalQuality = scores[0],
                Innovation = scores[1],
                MassWork = scores[2],
                Coordination = scores[3],
            };
    }

    protected override string Key(SecretaryCandidate item) => $"{item.CallId}/{item.CadreId}";

    protected override TableSpec<SecretaryCandidate> Spec(LiaisonDb db) => TableSpec.For<SecretaryCandidate>(db,
        [nameof(SecretaryCandidate.CallId), nameof(SecretaryCandidate.CadreId)],
        nameof(SecretaryCandidate.CallId), nameof(SecretaryCandidate.CadreId), nameof(SecretaryCandidate.HomeDivisionCode),
        nameof(SecretaryCandidate.PoliticalQuality), nameof(SecretaryCandidate.Innovation), nameof(SecretaryCandidate.MassWork),
        nameof(SecretaryCandidate.Coordination), nameof(SecretaryCandidate.Status));
}
