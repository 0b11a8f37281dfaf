using Liaison.Domain.Shared;

namespace Liaison.Domain.Divisions;

/// <summary>Where a village profile's facts came from.</summary>
public enum ProfileSource
{
    /// <summary>The demo generator.</summary>
    Demo = 1,
    /// <summary><c>liaison import village-profiles</c> (the file is named in <see cref="VillageProfile.SourceFile"/>).</summary>
    Import = 2,
    /// <summary>Edited on the village page by an office that holds the village.</summary>
    Page = 3,
    /// <summary>Copied, once, from the division's own columns when village profiles by year came in (an older database).</summary>
    Migrated = 4,
    /// <summary>The party organisation's grade from a confirmed grading round (the rest begun from the latest profile).</summary>
    Grading = 5,
}

/// <summary>
/// 村情: one village's profile for one year — types, the party organisation's grade (null: not yet
/// graded), coordinates, population, households, collective income, distance to the township seat,
/// remarks — and where it came from. The latest year's profile is also kept on the
/// <see cref="Division"/> (its current columns), which is what the plan, the match and the flags read.
/// </summary>
public sealed class VillageProfile
{
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public VillageType Types { get; set; }
    public PartyOrgGrade? Grade { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? Population { get; set; }
    public int? Households { get; set; }
    /// <summary>村集体收入, yuan a year.</summary>
    public decimal? CollectiveIncome { get; set; }
    /// <summary>Kilometres to the township seat.</summary>
    public double? SeatDistanceKm { get; set; }
    public string? Remarks { get; set; }
    public ProfileSource Source { get; set; }
    /// <summary>The imported file's name, for an imported profile.</summary>
    public string? SourceFile { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    /// <summary>Changes on every save: a save that read an older version is refused (two offices editing at once).</summary>
    public Guid Version { get; set; }

    /// <summary>Where the profile came from, in words: "imported from FILE on DATE by X" / "edited on the village page by X on DATE" / "demo".</summary>
    public Term Origin()
    {
        var on = ChinaTime.DateOf(UpdatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Source switch
        {
            ProfileSource.Import => new($"{on} 由 {UpdatedBy} 从文件 {SourceFile} 导入", $"imported from {SourceFile} by {UpdatedBy} on {on}"),
            ProfileSource.Page => new($"{on} 由 {UpdatedBy} 在村页面编辑", $"edited on the village page by {UpdatedBy} on {on}"),
            ProfileSource.Migrated => new($"{on} 由区划表原有字段迁移", $"migrated from the division columns on {on}"),
            ProfileSource.Grading => new($"{on} 由 {UpdatedBy} 确认的分类定级", $"the grading {UpdatedBy} confirmed on {on}"),
            _ => Words.Demo,
        };
    }
}

/// <summary>The rules of a village profile's facts, the same for the import and the page.</summary>
public static class VillageProfiles
{
    public const int MaxRemarks = 500;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>China lies within these (with a margin): a coordinate outside is a typo or swapped.</summary>
    public static bool LatitudeFits(double v) => v is >= 3 and <= 54;

    public static bool LongitudeFits(double v) => v is >= 73 and <= 136;

    /// <summary>What is wrong with a profile, each problem by the field a form names it.</summary>
    public static List<Problem> Problems(VillageProfile p)
    {
        var problems = new List<Problem>();
        if (p.Year is < MinYear or > MaxYear)
        {
            problems.Add(new("year", $"年度须在 {MinYear}–{MaxYear} 之间", $"the year lies between {MinYear} and {MaxYear}"));
        }
        if (p.Latitude is null != p.Longitude is null)
        {
            problems.Add(new("latitude", "纬度和经度须同时填写或同时留空", "give both latitude and longitude, or neither"));
        }
        if (p.Latitude is { } lat && !LatitudeFits(lat))
        {
            problems.Add(new("latitude", "纬度须在 3–54 之间（中国境内）", "latitude lies between 3 and 54 (within China)"));
        }
        if (p.Longitude is { } lon && !LongitudeFits(lon))
        {
            problems.Add(new("longitude", "经度须在 73–136 之间（中国境内）", "longitude lies between 73 and 136 (within China)"));
        }
        if (p.Population is < 0 or > 1_000_000)
        {
            problems.Add(new("population", "人口须在 0–1000000 之间", "population lies between 0 and 1,000,000"));
        }
        if (p.Households is < 0 or > 500_000)
        {
            problems.Add(new("households", "户数须在 0–500000 之间", "households lie between 0 and 500,000"));
        }
        if (p.CollectiveIncome is < 0 or > 10_000_000_000m)
        {
            problems.Add(new("income", "村集体收入（元）须在 0–100 亿之间", "collective income (yuan) lies between 0 and 10 billion"));
        }
        if (p.SeatDistanceKm is < 0 or > 1_000)
        {
            problems.Add(new("distance", "距乡镇驻地须在 0–1000 公里之间", "the distance to the township seat lies between 0 and 1,000 km"));
        }
        if (p.Remarks is { Length: > MaxRemarks })
        {
            problems.Add(new("remarks", $"备注不超过 {MaxRemarks} 字", $"remarks of at most {MaxRemarks} characters"));
        }
        return problems;
    }

    /// <summary>Village types from text such as 难村、乱村 (any of 、,，;；/ and spaces between); null with the bad word when one is unknown.</summary>
    public static bool TryParseTypes(string text, out VillageType types, out string? unknown)
    {
        types = VillageType.None;
        unknown = null;
        foreach (var word in text.Split(['、', ',', '，', ';', '；', '/', ' ', '　', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word is "无" || string.Equals(word, "none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!Terms.TryParse(Terms.VillageTypes, word, out var type))
            {
                unknown = word;
                return false;
            }
            types |= type;
        }
        return true;
    }

    /// <summary>先进/一般/后进, or 未定级 (and empty) for not graded.</summary>
    public static bool TryParseGrade(string text, out PartyOrgGrade? grade)
    {
        var t = text.Trim();
        if (t.Length == 0 || t == Words.NotGraded.Zh || string.Equals(t, Words.NotGraded.En, StringComparison.OrdinalIgnoreCase))
        {
            grade = null;
            return true;
        }
        if (Terms.TryParse(Terms.Grades, t, out var g))
        {
            grade = g;
            return true;
        }
        grade = null;
        return false;
    }

    /// <summary>The grade in words: 先进/一般/后进 or 未定级.</summary>
    public static Term GradeWord(PartyOrgGrade? grade) => grade is { } g ? Terms.Grades[g] : Words.NotGraded;

    /// <summary>Every fact where <paramref name="stored"/> and <paramref name="proposed"/> differ, in words.</summary>
    public static List<(Term Field, Term Stored, Term Proposed)> Differences(VillageProfile stored, VillageProfile proposed)
    {
        var list = new List<(Term, Term, Term)>();
        void Compare<T>(Term field, T a, T b, Func<T, Term> words)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                list.Add((field, words(a), words(b)));
            }
        }
        static Term Plain<T>(T v) => v is null ? Term.Same("—") : Term.Same(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", v));
        Compare(Words.VillageTypeLabel, stored.Types, proposed.Types, TypesWord);
        Compare(Words.PartyOrgGradeLabel, stored.Grade, proposed.Grade, GradeWord);
        Compare(Words.Latitude, stored.Latitude, proposed.Latitude, Plain);
        Compare(Words.Longitude, stored.Longitude, proposed.Longitude, Plain);
        Compare(Words.Population, stored.Population, proposed.Population, Plain);
        Compare(Words.HouseholdCount, stored.Households, proposed.Households, Plain);
        Compare(Words.CollectiveIncome, stored.CollectiveIncome, proposed.CollectiveIncome, Plain);
        Compare(Words.SeatDistance, stored.SeatDistanceKm, proposed.SeatDistanceKm, Plain);
        Compare(Words.Remarks, stored.Remarks ?? "", proposed.Remarks ?? "", v => Term.Same(v.Length == 0 ? "—" : v));
        return list;
    }

    /// <summary>The types in words: 难村、乱村, or 无.</summary>
    public static Term TypesWord(VillageType types) => types == VillageType.None
        ? Words.NoType
        : new(string.Join("、", Terms.FlagLabels(Terms.VillageTypes, types, false)), string.Join(", ", Terms.FlagLabels(Terms.VillageTypes, types, true)));

    /// <summary>The accepted grades, for messages.</summary>
    public static Term GradeChoices { get; } = new(Terms.Choices(Terms.Grades, false) + "/" + Words.NotGraded.Zh, Terms.Choices(Terms.Grades, true) + "/" + Words.NotGraded.En);
}
