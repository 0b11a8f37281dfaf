using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Data.Policy;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary>
/// <c>liaison import cadres</c>: cadres by staff number, each of an existing unit named by its code
/// or its exact name; the programme role (项目角色) given as such or as a civil-service grade (职级),
/// which the year's policy maps (<see cref="RankMapping"/>), with the post (职务) where the grade
/// alone does not say.
/// </summary>
public sealed class CadreImporter(TimeProvider clock) : TableImporter<Cadre>(clock)
{
    private UnitFinder? _units;
    private Dictionary<int, string> _unitCodes = [];
    private Dictionary<int, string> _unitDivisions = [];
    private RankMapping _ranks = new();

    /// <summary>The file's columns in template order, also the export's (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("code", true, "干部编号", "code"),
        new("name", true, "姓名", "name"),
        new("unit", true, "单位", "unit"),
        new("rank", true, "项目角色", "programme_role"),
        new("reserve", false, "后备干部", "reserve"),
        new("police", false, "民警", "police"),
        new("newly_promoted", false, "新提拔无基层经历", "newly_promoted"),
        new("birth_year", true, "出生年份", "birth_year"),
        new("gender", true, "性别", "gender"),
        new("phone", false, "手机号码", "phone"),
    ];

    /// <summary>Read when present, not in the template: the post, for a grade whose role the post decides.</summary>
    public static ImportColumn Post { get; } = new("post", false, "职务", "post");

    public override IReadOnlyList<ImportColumn> Columns { get; } = [.. Layout, Post];

    protected override string Entity => "cadres";

    protected override string KeyColumn => "code";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct)
    {
        _units = await UnitFinder.LoadAsync(db, Within, ct);
        _unitCodes = _units.ById.ToDictionary(u => u.Key, u => u.Value.Code);
        _unitDivisions = _units.ById.ToDictionary(u => u.Key, u => u.Value.DivisionCode);
        _ranks = (await PolicyStore.GetAsync(db, ChinaTime.Today(Clock).Year, ct)).Policy.RankMapping;
    }

    protected override Cadre? Parse(RowReader row)
    {
        var code = row.Code("code", required: true);
        var name = row.Name("name", 50, required: true);
        var (unitId, level) = Unit(row);
        var rank = Rank(row, level);
        var year = Clock.GetUtcNow().Year;
        var birthYear = row.Year("birth_year", year - 80, year - 16, required: true);
        var gender = row.Sex("gender");
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

    /// <summary>The unit by its code, else by its exact name (<see cref="UnitFinder"/>).</summary>
    private (int Id, UnitLevel Level) Unit(RowReader row) => _units!.Find(row, "unit", required: true) is { } u ? (u.Id, u.Level) : default;

    /// <summary>
    /// The programme role: its own words (一般干部 …), else a grade of the policy's table for the
    /// unit's level, with the post where the grade says "by post", else a leadership post alone.
    /// </summary>
    private CadreRank Rank(RowReader row, UnitLevel? level)
    {
        var raw = row.Required("rank");
        if (raw.Length == 0)
        {
            return default;
        }
        var v = CellNormaliser.Code(raw);
        if (Terms.TryParse(Terms.Ranks, v, out var rank))
        {
            row.Normalised("rank", raw, v);
            return rank;
        }
        var rule = _ranks.Find(v);
        var post = row.Has("post") ? CellNormaliser.Code(row.Optional("post")) : "";
        if (level is not { } unitLevel)
        {
            // The unit was refused already; an unknown word is refused too.
            if (rule is null)
            {
                Unknown(row, raw);
            }
            return default;
        }
        CadreRank? role;
        if (rule is null)
        {
            // A post in the role's column (职务 used as 职级): a leadership post says it; nothing else does.
            role = _ranks.RoleOf(new GradeRule { Grade = v, ByPost = true }, unitLevel, v);
            if (role is null)
            {
                Unknown(row, raw);
                return default;
            }
        }
        else
        {
            role = _ranks.RoleOf(rule, unitLevel, post);
        }
        if (role is not { } r)
        {
            var choices = RankMapping.ChoicesAt(unitLevel).Select(c => Terms.Ranks[c]).ToList();
            row.Problem("rank", ImportReason.AmbiguousGrade,
            [
                Term.Same(raw),
                Terms.UnitLevels[unitLevel],
                new Term(string.Join("、", choices.Select(c => c.Zh)), string.Join(", ", choices.Select(c => c.En))),
            ]);
            return default;
        }
        row.Normalised("rank", raw, Terms.Ranks[r].Zh);
        return r;
    }

    private void Unknown(RowReader row, string raw)
    {
        var grades = string.Join("/", _ranks.Grades.Select(g => g.Grade));
        row.Expected("rank", raw, new Term(Terms.Choices(Terms.Ranks, false) + "，或职级（" + grades + "）", Terms.Choices(Terms.Ranks, true) + ", or a grade (" + grades + ")"));
    }

    protected override string Key(Cadre item) => item.Code;

    protected override string? DivisionOf(Cadre item) => _unitDivisions.GetValueOrDefault(item.UnitId);

    protected override string PlaceColumn => "unit";

    protected override TableSpec<Cadre> Spec(LiaisonDb db) => CadreSpec(db, versioned: true);

    protected override RegistryVersioning<Cadre> Versions => new(RegistryKind.Cadre, c => c.Id, c => c.Version, (c, v) => c.Version = v,
        c => _unitDivisions.GetValueOrDefault(c.UnitId, ""), p => p switch
        {
            nameof(Cadre.UnitId) => "unit",
            nameof(Cadre.IsReserve) => "reserve",
            nameof(Cadre.IsPolice) => "police",
            nameof(Cadre.IsNewlyPromoted) => "newlyPromoted",
            _ => char.ToLowerInvariant(p[0]) + p[1..],
        });

    /// <summary>
    /// A unit (<c>unit:CODE</c>) or a city's, county's or township's division: the file is the whole
    /// roster of the unit, or of the units of that division and below it. Its cadres in post or
    /// suspended that the file does not list leave.
    /// </summary>
    protected override async Task<CompleteRoster<Cadre>?> RosterAsync(LiaisonDb db, string scope, ImportProblems problems, CancellationToken ct)
    {
        Term name;
        Func<Cadre, bool> covers;
        IQueryable<Cadre> cadres;
        if (scope.StartsWith("unit:", StringComparison.OrdinalIgnoreCase))
        {
            var code = scope[5..];
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null)
            {
                problems.Add(null, "--complete-for", ImportReason.UnknownScope, [Term.Same(scope), ScopeExpected]);
                return null;
            }
            name = new Term($"{unit.Name}（{unit.Code}）", $"{unit.Name} ({unit.Code})");
            covers = c => c.UnitId == unit.Id;
            cadres = db.Cadres.Where(c => c.UnitId == unit.Id);
        }
        else
        {
            var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == scope, ct);
            if (division is null || division.Level is not (Domain.Divisions.DivisionLevel.City or Domain.Divisions.DivisionLevel.County or Domain.Divisions.DivisionLevel.Township))
            {
                problems.Add(null, "--complete-for", ImportReason.UnknownScope, [Term.Same(scope), ScopeExpected]);
                return null;
            }
            name = new Term($"{division.Name}（{division.Code}）", $"{division.Name} ({division.Code})");
            covers = c => _unitDivisions.TryGetValue(c.UnitId, out var d) && Domain.Divisions.DivisionCode.IsInSubtree(d, scope);
            cadres = from c in db.Cadres join u in db.Units on c.UnitId equals u.Id where u.DivisionCode.StartsWith(scope) select c;
        }
        var today = ChinaTime.Today(Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var members = await cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active || c.Status == CadreStatus.Suspended)
            .Select(c => new { c.Id, c.Code, c.Name, c.UnitId }).ToListAsync(ct);
        return new CompleteRoster<Cadre>(name, "unit", covers, members.Select(c => new RosterMember(c.Id, c.Code,
            new Term($"{c.Name}（{_unitCodes.GetValueOrDefault(c.UnitId)}）不在完整名册中：登记为离职（{today}），其联系和第一书记任职随之结束",
                $"{c.Name} ({_unitCodes.GetValueOrDefault(c.UnitId)}) is not in the complete roster: recorded as left on {today}; their ties and First Secretary postings end"))).ToList());
    }

    private static readonly Term ScopeExpected = new("单位（unit:单位编码）或市、县（市、区）、乡镇（街道）的行政区划代码", "a unit (unit:CODE) or the division code of a city, county or township");

    protected override Task EndAsync(LiaisonDb db, Actor actor, RosterMember member, DateOnly on, string reason, CancellationToken ct) =>
        RegistryStore.EndCadreForImportAsync(db, Clock, actor, member.Key, on, reason, ct);

    protected override string ColumnOf(string property) => property switch
    {
        nameof(Cadre.UnitId) => "unit",
        nameof(Cadre.IsReserve) => "reserve",
        nameof(Cadre.IsPolice) => "police",
        nameof(Cadre.IsNewlyPromoted) => "newly_promoted",
        _ => base.ColumnOf(property),
    };

    protected override Term Show(string property, object? value) => value switch
    {
        int id when property == nameof(Cadre.UnitId) => Term.Same(_unitCodes.GetValueOrDefault(id, "")),
        CadreRank r => Terms.Ranks.GetValueOrDefault(r, Term.Same(r.ToString())),
        Gender g => Terms.Genders.GetValueOrDefault(g, Term.Same(g.ToString())),
        string s when property == nameof(Cadre.Phone) => Term.Same(PersonalData.MaskPhone(s)),
        _ => base.Show(property, value),
    };

    /// <summary>The columns a roster writes; <paramref name="versioned"/>: with the version the import gives each row (the demo's rows keep theirs).</summary>
    public static TableSpec<Cadre> CadreSpec(LiaisonDb db, bool versioned = false) => TableSpec.For<Cadre>(db, [nameof(Cadre.Code)],
        [nameof(Cadre.Code), nameof(Cadre.Name), nameof(Cadre.UnitId), nameof(Cadre.Rank), nameof(Cadre.IsReserve), nameof(Cadre.IsPolice),
        nameof(Cadre.IsNewlyPromoted), nameof(Cadre.BirthYear), nameof(Cadre.Gender), nameof(Cadre.Phone), .. versioned ? [nameof(Cadre.Version)] : Array.Empty<string>()]);
}
