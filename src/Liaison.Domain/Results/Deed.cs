using Liaison.Domain.Shared;

namespace Liaison.Domain.Results;

/// <summary>
/// 实事好事 (issue 21): a practical deed done for a village — its kind from the policy's catalogue
/// (<see cref="Policy.DeedRules"/>), the day, who did it (a cadre, a First Secretary among them, a
/// unit, or a work team) and its quantities in the kind's units (<see cref="DeedQuantityValue"/>). A deed for several
/// villages is recorded once for each, so that the sums of any division add up. Evidence is a short
/// text, never required.
/// </summary>
public sealed class Deed : Years.IYearRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public required string Kind { get; set; }
    public DateOnly On { get; set; }
    /// <summary>The cadre who did it, when a cadre did.</summary>
    public int? CadreId { get; set; }
    /// <summary>The unit that did it (a sending unit's support, a pairing unit's project), when a unit did.</summary>
    public int? UnitId { get; set; }
    /// <summary>The work team (工作团、工作队、工作组) that did it, when a team did: stationed where the village lies.</summary>
    public long? TeamId { get; set; }
    /// <summary>Where the money or the project came from (funds coordinated: 资金来源).</summary>
    public string? Source { get; set; }
    public string? Evidence { get; set; }
    /// <summary>The case (群众诉求) the deed settles, when it settles one of its village's.</summary>
    public long? CaseId { get; set; }
    /// <summary>The public commitment (公开承诺) of its village the deed fulfils, if any.</summary>
    public long? CommitmentId { get; set; }
    /// <summary>The target of its village's responsibility agreement (目标责任书) the deed fulfils, if any.</summary>
    public long? AgreementTargetId { get; set; }
    /// <summary>The sending unit's support (派出单位倾斜支持) to its village the deed came of, if any.</summary>
    public long? SupportId { get; set; }
    /// <summary>The id the phone gave the deed (recorded offline): unique, so a resend is recognised.</summary>
    public Guid? ClientId { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxSource = 200;
    public const int MaxEvidence = 500;
    /// <summary>A deed is recorded within this many days of being done (the office's late entries included).</summary>
    public const int RecordWithinDays = 366;

    /// <summary>One entry records a deed for at most this many villages.</summary>
    public const int MaxVillages = 50;

    /// <summary>The day's problem, if any: a deed is done by today and recorded within <see cref="RecordWithinDays"/> (the form's, the phone's and the import's rule).</summary>
    public static Problem? DayProblem(DateOnly? on, DateOnly today) =>
        on is not { } day || day > today || day < today.AddDays(-RecordWithinDays)
            ? new Problem("on", $"日期须在今天及之前 {RecordWithinDays} 天内", $"the day lies within the {RecordWithinDays} days up to today") { Code = "range" }
            : null;

    /// <summary>The case a deed names is not one of its village's (the form's, the phone's and the import's refusal).</summary>
    public static Problem UnknownCase(string code) =>
        new("caseCode", $"本村没有查询码为 {code} 的群众诉求", $"no case with tracking code {code} in this village") { Code = "unknown" };

    /// <summary>A deed names who did it: a cadre, a unit or a work team.</summary>
    public static Problem NoDoer { get; } = new("cadre", "请写明办实事的干部、单位或工作队", "name the cadre, the unit or the work team who did it") { Code = "required" };
}

/// <summary>
/// A photo of a deed's evidence (optional, never required): a JPEG or PNG of at most
/// <see cref="MaxBytes"/>, up to <see cref="MaxPerDeed"/> a deed, kept in the database (so a backup
/// holds it) and shown only to those who read the deed — never on the public pages, since villagers
/// may be in it.
/// </summary>
public sealed class DeedPhoto
{
    public long Id { get; set; }
    public long DeedId { get; set; }
    public int Number { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }

    public const int MaxPerDeed = 3;
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>The image type the bytes begin with (JPEG, PNG), or null for anything else — whatever the file's name says.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : bytes is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] ? "image/png"
        : null;
}

/// <summary>One quantity of a deed, by the code its kind gives it, in the kind's unit.</summary>
public sealed class DeedQuantityValue
{
    public long DeedId { get; set; }
    public required string Code { get; set; }
    public decimal Value { get; set; }
}

/// <summary>The deeds' words, shared by their pages, the phone and the exports.</summary>
public static class DeedWords
{
    public static Term Deeds { get; } = new("实事好事", "Practical deeds");
    public static Term Kind { get; } = new("类别", "Kind");
    public static Term Quantities { get; } = new("数量", "Quantities");
    public static Term DoneBy { get; } = new("办事的干部或单位", "Done by");
    public static Term Source { get; } = new("资金或项目来源（选填）", "Source of funds or project (optional)");
    public static Term Evidence { get; } = new("情况说明（选填）", "What was done (optional)");
    public static Term Settles { get; } = new("办结的群众诉求查询码（选填）", "Tracking code of the case it settles (optional)");
    public static Term Sums { get; } = new("分类合计", "Sums by kind");
    public static Term Record { get; } = new("记录一件实事", "Record a deed");
    /// <summary>The link from what a deed may fulfil (a commitment, a target, a support) to the form that records it.</summary>
    public static Term RecordFulfilling { get; } = new("记录兑现它的实事", "Record a deed that fulfils it");
    public static Term NoneThisYear { get; } = new("本年度还没有记录实事好事。", "No deeds recorded this year.");
}
