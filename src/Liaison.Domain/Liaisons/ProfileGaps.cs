using System.Globalization;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>
/// What the village profiles lack for the rules that read them, said plainly instead of going on
/// silently: ungraded villages cannot be ranked, villages without coordinates cannot be "nearest"
/// or "far". Counted over the villages (not communities: they are not graded).
/// </summary>
public sealed record ProfileGaps(int Villages, int Ungraded, int WithoutCoordinates, int WithoutType)
{
    public static ProfileGaps Of(IEnumerable<Place> places)
    {
        int villages = 0, ungraded = 0, noCoordinates = 0, noType = 0;
        foreach (var p in places)
        {
            if (p.Level != DivisionLevel.Village || p.Kind == VillageKind.Community)
            {
                continue;
            }
            villages++;
            ungraded += p.Grade is null ? 1 : 0;
            noCoordinates += p.Latitude is null || p.Longitude is null ? 1 : 0;
            noType += p.Type == VillageType.None ? 1 : 0;
        }
        return new ProfileGaps(villages, ungraded, noCoordinates, noType);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The ranking of backward villages reads the grade.</summary>
    public Term? Grades => Ungraded == 0 ? null : new(
        $"{N(Ungraded)} 个村没有党组织等级：无法排定后进村——请导入村情或在村页面定级",
        $"{N(Ungraded)} villages have no grade: backward villages cannot be ranked — import village profiles or grade them on the village pages");

    /// <summary>The police officers' villages are "nearest the station" only with coordinates.</summary>
    public Term? PoliceDistance => WithoutCoordinates == 0 ? null : new(
        $"{N(WithoutCoordinates)} 个村没有坐标：公安干警联系村无法按距离选定，按代码顺序选定——请导入村情中的经纬度",
        $"{N(WithoutCoordinates)} villages have no coordinates: police officers' villages cannot be chosen by distance and are chosen by code order — import the villages' latitude and longitude");

    /// <summary>The First Secretary match's distance term is zero without coordinates.</summary>
    public Term? MatchDistance => WithoutCoordinates == 0 ? null : new(
        $"{N(WithoutCoordinates)} 个村没有坐标：第一书记匹配的距离一项按 0 计——请导入村情中的经纬度",
        $"{N(WithoutCoordinates)} villages have no coordinates: the match counts their distance as 0 — import the villages' latitude and longitude");

    /// <summary>The far-from-village flag compares a position with the village's.</summary>
    public Term? FarFlag => WithoutCoordinates == 0 ? null : new(
        $"{N(WithoutCoordinates)} 个村没有坐标：这些村的“离村较远”提示无法判断——请导入村情中的经纬度",
        $"{N(WithoutCoordinates)} villages have no coordinates: the far-from-village flag cannot fire for them — import the villages' latitude and longitude");

    /// <summary>What the liaison plan lacks: the grades (backward villages) and coordinates (police).</summary>
    public IReadOnlyList<Term> ForPlan => new[] { Grades, PoliceDistance }.OfType<Term>().ToList();
}
