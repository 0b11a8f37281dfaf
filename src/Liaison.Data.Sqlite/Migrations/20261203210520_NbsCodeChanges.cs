using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NbsCodeChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "merged_into",
                table: "divisions",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "withdrawn_on",
                table: "divisions",
                type: "TEXT",
                nullable: true);

            // Databases from before village profiles by year: each village's profile as the division's
            // own columns hold it (type, grade, coordinates), for the current year in China, where the
            // village has no profile row at all (one that has rows had its columns set from them).
            // Villages with nothing on record get no row: "not graded" stays a gap, not a profile.
            // updated_at in EF's binary DateTimeOffset (ticks / 1000 shifted left 11 bits, offset 0);
            // the version a random GUID in EF's text form.
            migrationBuilder.Sql("""
                INSERT INTO village_profiles (village_code, year, types, grade, latitude, longitude, source, updated_at, updated_by, version)
                SELECT d.code, CAST(strftime('%Y', 'now', '+8 hours') AS INTEGER), d.village_type, d.party_org_grade,
                       CASE WHEN d.longitude IS NULL THEN NULL ELSE d.latitude END, CASE WHEN d.latitude IS NULL THEN NULL ELSE d.longitude END,
                       4, (CAST(strftime('%s', 'now') AS INTEGER) * 10000 + 621355968000000) << 11, 'migration',
                       upper(substr(g, 1, 8) || '-' || substr(g, 9, 4) || '-4' || substr(g, 14, 3) || '-a' || substr(g, 18, 3) || '-' || substr(g, 21, 12))
                FROM (SELECT d0.*, hex(randomblob(16)) AS g FROM divisions d0) d
                WHERE d.level = 5
                  AND (d.village_type <> 0 OR d.party_org_grade IS NOT NULL OR (d.latitude IS NOT NULL AND d.longitude IS NOT NULL))
                  AND NOT EXISTS (SELECT 1 FROM village_profiles p WHERE p.village_code = d.code)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "merged_into",
                table: "divisions");

            migrationBuilder.DropColumn(
                name: "withdrawn_on",
                table: "divisions");
        }
    }
}
