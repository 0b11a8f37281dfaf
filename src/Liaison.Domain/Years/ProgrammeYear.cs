namespace Liaison.Domain.Years;

/// <summary>A record that belongs to one programme year: frozen from ordinary edits once the year is closed.</summary>
public interface IYearRecord
{
    int Year { get; }
}

/// <summary>
/// A programme year's close and the next year's opening (issue 23): when it was closed and by whom,
/// the report archived at the close (its figures as they stood), and what the opening carried
/// forward into the next year.
/// </summary>
public sealed class ProgrammeYear
{
    public int Year { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>The city's report for the whole year at the close: indicator id → value, as JSON.</summary>
    public string? ReportJson { get; set; }
    /// <summary>The last reopening for amendment (年度记录更正): when, by whom and why; the year is closed again after.</summary>
    public DateTimeOffset? ReopenedAt { get; set; }
    public string? ReopenedBy { get; set; }
    public string? ReopenReason { get; set; }
    public const int MaxReason = 500;
    public DateTimeOffset? OpenedAt { get; set; }
    public string? OpenedBy { get; set; }
    /// <summary>What opening this year carried from the last, as JSON (counts and why).</summary>
    public string? CarriedJson { get; set; }
}
