using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
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
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "withdrawn_on",
                table: "divisions",
                type: "date",
                nullable: true);

            // Databases from before village profiles by year: each village's profile as the division's
            // own columns hold it (type, grade, coordinates), for the current year in China, where the
            // village has no profile row at all (one that has rows had its columns set from them).
            // Villages with nothing on record get no row: "not graded" stays a gap, not a profile.
            migrationBuilder.Sql("""
                INSERT INTO village_profiles (village_code, year, types, grade, latitude, longitude, source, updated_at, updated_by, version)
                SELECT d.code, CAST(EXTRACT(YEAR FROM (now() AT TIME ZONE 'Asia/Shanghai')) AS integer), d.village_type, d.party_org_grade,
                       CASE WHEN d.longitude IS NULL THEN NULL ELSE d.latitude END, CASE WHEN d.latitude IS NULL THEN NULL ELSE d.longitude END,
                       4, now(), 'migration', gen_random_uuid()
                FROM divisions d
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
