using System.Globalization;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>
/// <c>liaison import village-profiles FILE [--year Y]</c>: one row per village and year (村情). A row
/// replaces that village's profile of that year; the villages' current columns follow in the same
/// transaction (<see cref="VillageProfileStore.SyncCurrentAsync"/>). The year comes from the 年度
/// column, or from <paramref name="year"/> where the file has none.
/// </summary>
public sealed class VillageProfileImporter(TimeProvider clock, string fileName, Actor actor, int? year = null) : TableImporter<VillageProfile>(clock)
{
    private HashSet<string> _villages = [];
    private DateTimeOffset _now;

    /// <summary>The file's columns in template order (no clock needed).</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("village", true, "村代码", "village_code", "村（社区）代码"),
        new("year", false, "年度", "year"),
        new("types", false, "村类型", "village_types", "村情类型"),
        new("grade", false, "党组织等级", "party_org_grade", "党组织定级"),
        new("latitude", false, "纬度", "latitude"),
        new("longitude", false, "经度", "longitude"),
        new("population", false, "人口", "population"),
        new("households", false, "户数", "households"),
        new("income", false, "村集体收入", "collective_income", "村集体收入（元）"),
        new("distance", false, "距乡镇驻地公里", "seat_distance_km", "距乡镇驻地（公里）"),
        new("remarks", false, "备注", "remarks"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Layout;

    protected override string Entity => "village-profiles";

    protected override string KeyColumn => "village";

    protected override async Task PrepareAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Access.Unscoped.Section("the village-profile import: every village of the file");
        _villages = (await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village).Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        _now = Clock.GetUtcNow();
    }

    protected override VillageProfile? Parse(RowReader row)
    {
        var code = row.Required("village");
        var bad = false;
        if (code.Length > 0 && !_villages.Contains(code))
        {
            row.Problem("village", ImportReason.UnknownVillage, code);
            bad = true;
        }
        var yearText = row.Optional("year").Trim().TrimEnd('年');
        int profileYear;
        if (yearText.Length == 0)
        {
            if (year is { } y)
            {
                profileYear = y;
            }
            else
            {
                row.Problem("year", ImportReason.EmptyValue);
                profileYear = 0;
                bad = true;
            }
        }
        else if (!int.TryParse(yearText, NumberStyles.Integer, CultureInfo.InvariantCulture, out profileYear) || profileYear is < VillageProfiles.MinYear or > VillageProfiles.MaxYear)
        {
            row.Problem("year", ImportReason.InvalidValue, yearText, $"{VillageProfiles.MinYear}–{VillageProfiles.MaxYear}");
            bad = true;
        }
        if (!VillageProfiles.TryParseTypes(row.Optional("types"), out var types, out var unknown))
        {
            row.Expected("types", unknown!, new Term(Terms.Choices(Terms.VillageTypes, false) + "（可填多个，用、分隔）", Terms.Choices(Terms.VillageTypes, true) + " (several allowed, separated by 、 or commas)"));
            bad = true;
        }
        var gradeText = row.Optional("grade");
        if (!VillageProfiles.TryParseGrade(gradeText, out var grade))
        {
            row.Expected("grade", gradeText, VillageProfiles.GradeChoices);
            bad = true;
        }
        var reader = row;
        double? Decimal(string key, double min, double max, Term what)
        {
            var text = reader.Optional(key).Replace(",", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return null;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }
            reader.Expected(key, text, what);
            bad = true;
            return null;
        }
        var lat = Decimal("latitude", 3, 54, new Term("3–54 之间的纬度（中国境内）", "a latitude between 3 and 54 (within China)"));
        var lon = Decimal("longitude", 73, 136, new Term("73–136 之间的经度（中国境内）", "a longitude between 73 and 136 (within China)"));
        if (lat is null != lon is null && !bad)
        {
            row.Expected(lat is null ? "latitude" : "longitude", "", new Term("纬度和经度须同时填写", "both latitude and longitude"));
            bad = true;
        }
        var population = Decimal("population", 0, 1_000_000, new Term("0–1000000 的整数", "a whole number from 0 to 1,000,000"));
        var households = Decimal("households", 0, 500_000, new Term("0–500000 的整数", "a whole number from 0 to 500,000"));
        var income = Decimal("income", 0, 1e10, new Term("0–100 亿之间的金额（元）", "an amount in yuan from 0 to 10 billion"));
        var distance = Decimal("distance", 0, 1_000, new Term("0–1000 之间的公里数", "kilometres from 0 to 1,000"));
        foreach (var (key, value) in new[] { ("population", population), ("households", households) })
        {
            if (value is { } v && v != Math.Floor(v))
            {
                row.Expected(key, v.ToString(CultureInfo.InvariantCulture), new Term("整数", "a whole number"));
                bad = true;
            }
        }
        var remarks = row.Text("remarks", VillageProfiles.MaxRemarks, required: false);
        if (bad || code.Length == 0)
        {
            return null;
        }
        return new VillageProfile
        {
            VillageCode = code,
            Year = profileYear,
            Types = types,
            Grade = grade,
            Latitude = lat,
            Longitude = lon,
            Population = population is { } p ? (int)p : null,
            Households = households is { } h ? (int)h : null,
            CollectiveIncome = income is { } i ? Math.Round((decimal)i, 2) : null,
            SeatDistanceKm = distance,
            Remarks = remarks.Length == 0 ? null : remarks,
            Source = ProfileSource.Import,
            SourceFile = fileName.Length > 260 ? fileName[..260] : fileName,
            UpdatedAt = _now,
            UpdatedBy = actor.Name,
            Version = Guid.NewGuid(),
        };
    }

    protected override string Key(VillageProfile item) => item.VillageCode + "/" + item.Year.ToString(CultureInfo.InvariantCulture);

    protected override string? DivisionOf(VillageProfile item) => item.VillageCode;

    protected override TableSpec<VillageProfile> Spec(LiaisonDb db) => TableSpec.For<VillageProfile>(db, [nameof(VillageProfile.VillageCode), nameof(VillageProfile.Year)],
        nameof(VillageProfile.VillageCode), nameof(VillageProfile.Year), nameof(VillageProfile.Types), nameof(VillageProfile.Grade),
        nameof(VillageProfile.Latitude), nameof(VillageProfile.Longitude), nameof(VillageProfile.Population), nameof(VillageProfile.Households),
        nameof(VillageProfile.CollectiveIncome), nameof(VillageProfile.SeatDistanceKm), nameof(VillageProfile.Remarks), nameof(VillageProfile.Source),
        nameof(VillageProfile.SourceFile), nameof(VillageProfile.UpdatedAt), nameof(VillageProfile.UpdatedBy), nameof(VillageProfile.Version));

    protected override Task WrittenAsync(LiaisonDb db, CancellationToken ct) => VillageProfileStore.SyncCurrentAsync(db, null, ct);
}
