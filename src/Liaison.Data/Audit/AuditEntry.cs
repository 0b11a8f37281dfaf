namespace Liaison.Data.Audit;

/// <summary>
/// One entry of the audit log: who did what to which record, when, with the record before and
/// after. Each entry's hash covers its content and the previous entry's hash, so a changed or
/// removed entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The account's user name, or "cli:USER" for a command run on the server.</summary>
    public required string Actor { get; set; }
    /// <summary>What was done, e.g. import.households, account.disable, personal-data.reveal.</summary>
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string? EntityKey { get; set; }
    /// <summary>The division the record belongs to, so that an office reads its own subtree's entries.</summary>
    public string? DivisionCode { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
