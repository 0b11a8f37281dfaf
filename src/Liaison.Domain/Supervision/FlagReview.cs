using System.Globalization;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Supervision;

/// <summary>Where a plausibility flag stands with its supervisors.</summary>
public enum FlagStatus
{
    /// <summary>待核查</summary>
    Open = 1,
    /// <summary>查实: a finding was made of it.</summary>
    Confirmed = 2,
    /// <summary>已说明: the cadre's explanation accepted.</summary>
    Explained = 3,
    /// <summary>排除: not a problem; it stays dismissed, however often the checks run again.</summary>
    Dismissed = 4,
}

/// <summary>
/// 合理性提示 kept (issue 22): a flag of <see cref="Plausibility"/> stored once, by its key — its kind and
/// the records it points at —, so that the checks running again neither repeat it nor bring back one a
/// supervisor dismissed; with its review.
/// </summary>
public sealed class StoredFlag
{
    public long Id { get; set; }
    /// <summary>The kind and the records, e.g. <c>4:v812,v77</c>: what makes a flag the same flag again.</summary>
    public required string Key { get; set; }
    public FlagKind Kind { get; set; }
    public int Year { get; set; }
    public int CadreId { get; set; }
    public required string VillageCode { get; set; }
    public required string EvidenceZh { get; set; }
    public required string EvidenceEn { get; set; }
    /// <summary>The visits and stays it concerns, as in the key.</summary>
    public required string Records { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public FlagStatus Status { get; set; } = FlagStatus.Open;
    /// <summary>The explanation, or why it was dismissed or confirmed.</summary>
    public string? Note { get; set; }
    public long? FindingId { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    public const int MaxNote = 500;

    /// <summary>The key and the records of a flag: its kind, then its visits (v) and stays (s) by id.</summary>
    public static (string Key, string Records) KeyOf(PlausibilityFlag flag)
    {
        var records = string.Join(",", flag.VisitIds.Select(id => "v" + id.ToString(CultureInfo.InvariantCulture))
            .Concat(flag.StayIds.Select(id => "s" + id.ToString(CultureInfo.InvariantCulture))));
        return (((int)flag.Kind).ToString(CultureInfo.InvariantCulture) + ":" + records, records);
    }

    public static Term Name(FlagStatus status) => status switch
    {
        FlagStatus.Open => new("待核查", "To review"),
        FlagStatus.Confirmed => new("查实", "Confirmed"),
        FlagStatus.Explained => new("已说明", "Explained"),
        _ => new("排除", "Dismissed"),
    };
}
