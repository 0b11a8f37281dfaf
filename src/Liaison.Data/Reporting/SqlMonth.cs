using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting;

/// <summary>
/// The month (1–12) a record falls in as the programme counts it (a calendar day in China), as SQL
/// for either provider: the one place the two databases differ in reading a month.
/// </summary>
internal static class SqlMonth
{
    /// <summary>For a <c>DateTimeOffset</c> column.</summary>
    public static string OfInstant(LiaisonDb db, string column) => db.Database.IsNpgsql()
        ? $"CAST(extract(month from ({column} AT TIME ZONE 'UTC') + interval '8 hours') AS integer)"
        // SQLite keeps DateTimeOffset as EF's binary form: the clock's ticks / 1000 shifted left 11
        // bits, the offset's minutes (11 bits, signed) below them. Back to Unix seconds at UTC+8.
        : $"CAST(strftime('%m', (({column} >> 11) * 1000 - 621355968000000000) / 10000000"
          + $" - 60 * (({column} & 2047) - CASE WHEN ({column} & 1024) <> 0 THEN 2048 ELSE 0 END) + 28800, 'unixepoch') AS INTEGER)";

    /// <summary>For a <c>DateOnly</c> column (a date in PostgreSQL, 'yyyy-MM-dd' text in SQLite).</summary>
    public static string OfDate(LiaisonDb db, string column) => db.Database.IsNpgsql()
        ? $"CAST(extract(month from {column}) AS integer)"
        : $"CAST(substr({column}, 6, 2) AS INTEGER)";
}
