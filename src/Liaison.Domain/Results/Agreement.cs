using Liaison.Domain.Shared;

namespace Liaison.Domain.Results;

/// <summary>Where a target-responsibility agreement stands: drafted by the township office, agreed by the First Secretary, signed by both.</summary>
public enum AgreementStatus
{
    /// <summary>起草: the township office writes its targets.</summary>
    Draft = 1,
    /// <summary>已确认: the First Secretary agreed to the draft as it stands.</summary>
    Agreed = 2,
    /// <summary>已签订: signed by both; changed only by an amendment with its reason.</summary>
    Concluded = 3,
}

/// <summary>
/// 年度目标责任书 (issue 21): a First Secretary's yearly agreement with the township committee for
/// the village they serve — or, where the policy says (<see cref="Policy.AgreementRules.ForPairings"/>),
/// a unit's for the village it is paired with (机关党组织联建) — targets by area, each with a measure, a
/// value and a date. Drafted by the township office, agreed by the party (the First Secretary, or the
/// unit's administrator), signed (the day, and the township's signer), once; afterwards changed only
/// by an audited amendment.
/// </summary>
public sealed class Agreement
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    /// <summary>The First Secretary who signs it; null for a unit's pairing agreement.</summary>
    public int? CadreId { get; set; }
    /// <summary>The paired unit that signs it; null for a First Secretary's agreement.</summary>
    public int? UnitId { get; set; }
    public AgreementStatus Status { get; set; } = AgreementStatus.Draft;
    public required string DraftedBy { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    public DateTimeOffset? AgreedAt { get; set; }
    public DateOnly? SignedOn { get; set; }
    /// <summary>Who signed for the township committee (乡镇党委书记), as written on the paper.</summary>
    public string? TownshipSigner { get; set; }
    /// <summary>How often it was amended after signing.</summary>
    public int Amendments { get; set; }

    public const int MaxTargets = 30;
    public const int MaxSigner = 50;
}

/// <summary>One target of an agreement: its area, what is to be achieved, how it is measured, the value and the day; and when it was met.</summary>
public sealed class AgreementTarget
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public int Line { get; set; }
    public required string Area { get; set; }
    public required string Text { get; set; }
    /// <summary>How it is measured (公里、万元、人、项 …), with <see cref="Value"/> the figure to reach; both optional for a target met or not.</summary>
    public string? Measure { get; set; }
    public decimal? Value { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? MetOn { get; set; }

    public const int MaxText = 200;
    public const int MaxMeasure = 40;
}

/// <summary>The agreements' words, shared by their pages and the printed agreement.</summary>
public static class AgreementWords
{
    public static Term Agreements { get; } = new("目标责任书", "Target-responsibility agreements");
    public static Term Targets { get; } = new("目标任务", "Targets");
    public static Term Area { get; } = new("领域", "Area");
    public static Term Target { get; } = new("目标", "Target");
    public static Term Measure { get; } = new("衡量办法", "Measure");
    public static Term Value { get; } = new("目标值", "Value");
    public static Term Due { get; } = new("完成时限", "Due");
    public static Term Met { get; } = new("已完成", "Met");
    public static Term Signer { get; } = new("乡镇党委签字人", "Signed for the township by");
    public static Term SignedOn { get; } = new("签订日期", "Signed on");
    public static Term Secretary { get; } = new("第一书记", "First Secretary");
    /// <summary>Who signs with the township: the First Secretary, or the paired unit.</summary>
    public static Term Party { get; } = new("责任方（第一书记或联建单位）", "Party (First Secretary or paired unit)");
    public static Term PairedUnit { get; } = new("联建单位", "Paired unit");
    public static Term Sign { get; } = new("签订", "Sign");

    public static Term Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => new("起草中", "Draft"),
        AgreementStatus.Agreed => new("第一书记已确认", "Agreed by the First Secretary"),
        _ => new("已签订", "Signed"),
    };
}
