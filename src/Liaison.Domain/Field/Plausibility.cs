using System.Globalization;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

public enum FlagKind
{
    /// <summary>Recorded far from the village.</summary>
    FarFromVillage = 1,
    /// <summary>Faster than anyone travels since the cadre's record before.</summary>
    ImpossibleTravel = 2,
    /// <summary>More visits in a day than the policy finds plausible.</summary>
    TooManyInDay = 3,
    /// <summary>The same note, word for word, as on another visit.</summary>
    CopiedNote = 4,
}

/// <summary>A visit as the checks see it; coordinates where the phone gave them.</summary>
public sealed record VisitFacts(long Id, int CadreId, long HouseholdId, string VillageCode, DateTimeOffset At, string? Note, double? Latitude, double? Longitude);

/// <summary>
/// A stay recorded with the phone's position. A stay carries days, not an instant, so it is checked
/// against its village only, and takes no part in the travel between records.
/// </summary>
public sealed record StayFacts(long Id, int CadreId, string VillageCode, double Latitude, double Longitude);

/// <summary>A flag for supervisors only, never a refusal: which records, and the evidence in words.</summary>
public sealed record PlausibilityFlag(FlagKind Kind, int CadreId, IReadOnlyList<long> VisitIds, string EvidenceZh, string EvidenceEn)
{
    /// <summary>The stays the flag concerns (one recorded far from its village); none for a visit's flag.</summary>
    public IReadOnlyList<long> StayIds { get; init; } = [];
}

/// <summary>
/// 合理性提示: the checks of issue 6 over a set of visits (a cadre's, a village's, a division's) and
/// the stays recorded with a position. Pure; the evidence names distances, speeds, counts and the other visit.
/// </summary>
public static class Plausibility
{
    public static IReadOnlyList<PlausibilityFlag> Check(IReadOnlyList<VisitFacts> visits, IReadOnlyDictionary<string, (double Lat, double Lon)> villages, FieldRules rules,
        IReadOnlyList<StayFacts>? stays = null)
    {
        var flags = new List<PlausibilityFlag>();
        foreach (var v in visits)
        {
            if (v.Latitude is { } lat && v.Longitude is { } lon && Far(lat, lon, v.VillageCode, villages, rules) is { } far)
            {
                flags.Add(new(FlagKind.FarFromVillage, v.CadreId, [v.Id], far.Zh, far.En));
            }
        }
        foreach (var s in stays ?? [])
        {
            if (Far(s.Latitude, s.Longitude, s.VillageCode, villages, rules) is { } far)
            {
                flags.Add(new(FlagKind.FarFromVillage, s.CadreId, [], far.Zh, far.En) { StayIds = [s.Id] });
            }
        }
        foreach (var cadre in visits.GroupBy(v => v.CadreId))
        {
            var ordered = cadre.OrderBy(v => v.At).ThenBy(v => v.Id).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (Where(ordered[i - 1], villages) is not { } a || Where(ordered[i], villages) is not { } b)
                {
                    continue;
                }
                var km = Geo.Kilometres(a.Lat, a.Lon, b.Lat, b.Lon);
                var hours = Math.Max((ordered[i].At - ordered[i - 1].At).TotalHours, 1.0 / 60);
                // Short hops are GPS noise whatever the speed.
                if (km > 2 && km / hours > rules.MaxTravelKilometresPerHour)
                {
                    flags.Add(new(FlagKind.ImpossibleTravel, cadre.Key, [ordered[i - 1].Id, ordered[i].Id],
                        $"{Minutes(hours)} 分钟内移动 {km:0.0} 公里（约 {km / hours:0} 公里/小时）", $"{km:0.0} km in {Minutes(hours)} minutes (about {km / hours:0} km/h)"));
                }
            }
            foreach (var day in ordered.GroupBy(v => DateOnly.FromDateTime(v.At.ToOffset(ChinaTime.Offset).DateTime)).Where(d => d.Count() > rules.PlausibleVisitsPerDay))
            {
                var date = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                flags.Add(new(FlagKind.TooManyInDay, cadre.Key, day.Select(v => v.Id).ToList(),
                    $"{date} 一天走访 {day.Count()} 户（合理上限 {rules.PlausibleVisitsPerDay}）", $"{day.Count()} visits on {date} (plausible: at most {rules.PlausibleVisitsPerDay})"));
            }
        }
        foreach (var same in visits.Where(v => Normalise(v.Note).Length >= rules.CopiedNoteMinLength).GroupBy(v => Normalise(v.Note)).Where(g => g.Count() > 1))
        {
            var first = same.OrderBy(v => v.At).ThenBy(v => v.Id).First();
            foreach (var copy in same.Where(v => v.Id != first.Id))
            {
                flags.Add(new(FlagKind.CopiedNote, copy.CadreId, [copy.Id, first.Id],
                    $"记录内容与走访 #{first.Id}（{first.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd}）逐字相同", $"the note is word for word that of visit #{first.Id} ({first.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd})"));
            }
        }
        return flags;
    }

    /// <summary>The evidence when a position lies further from its village than the policy allows; null when near, or the village has no coordinates.</summary>
    private static (string Zh, string En)? Far(double lat, double lon, string village, IReadOnlyDictionary<string, (double Lat, double Lon)> villages, FieldRules rules)
    {
        if (!villages.TryGetValue(village, out var place))
        {
            return null;
        }
        var km = Geo.Kilometres(lat, lon, place.Lat, place.Lon);
        return km > rules.MaxKilometresFromVillage
            ? ($"记录位置距村 {km:0.0} 公里（超过 {rules.MaxKilometresFromVillage:0.#} 公里）", $"recorded {km:0.0} km from the village (more than {rules.MaxKilometresFromVillage:0.#} km)")
            : null;
    }

    private static (double Lat, double Lon)? Where(VisitFacts v, IReadOnlyDictionary<string, (double Lat, double Lon)> villages) =>
        v.Latitude is { } lat && v.Longitude is { } lon ? (lat, lon) : villages.TryGetValue(v.VillageCode, out var p) ? p : null;

    private static string Minutes(double hours) => Math.Round(hours * 60).ToString(CultureInfo.InvariantCulture);

    // Spacing does not make a note one's own: Chinese text is compared without any whitespace.
    private static string Normalise(string? note) => string.Concat((note ?? "").Where(c => !char.IsWhiteSpace(c)));
}
