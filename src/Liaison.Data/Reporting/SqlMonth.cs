using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting;

/// <summary>
/// The month (1–12) of a record's China calendar day, as SQL for either provider: the one place the
/// two databases differ in reading a month. Records counted by day carry that day as a date column
/// (a visit's <c>visited_on</c>, a case's <c>received_on</c>), set when they are written.
/// </summary>
internal static class SqlMonth
{
    /// <summary>For a <c>DateOnly</c> column (a date in PostgreSQL, 'yyyy-MM-dd' text in SQLite).</summary>
    public static string OfDate(LiaisonDb db, string column) => db.Database.IsNpgsql()
        ? $"CAST(extract(month from {column}) AS integer)"
        : $"CAST(substr({column}, 6, 2) AS INTEGER)";
}
