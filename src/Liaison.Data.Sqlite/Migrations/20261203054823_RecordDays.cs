using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "visited_on",
                table: "household_visits",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "received_on",
                table: "cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Rows from before: the China calendar day of their instant. SQLite keeps a DateTimeOffset in
            // EF's binary form (the clock's ticks / 1000 shifted left 11 bits, the offset's minutes, signed,
            // in the 11 below): back to Unix seconds at UTC+8, then the date as EF writes a DateOnly.
            migrationBuilder.Sql($"UPDATE household_visits SET visited_on = {ChinaDay("visited_at")}");
            migrationBuilder.Sql($"UPDATE cases SET received_on = {ChinaDay("received_at")}");

        }

        private static string ChinaDay(string column) =>
            $"date((({column} >> 11) * 1000 - 621355968000000000) / 10000000 - 60 * (({column} & 2047) - CASE WHEN ({column} & 1024) <> 0 THEN 2048 ELSE 0 END) + 28800, 'unixepoch')";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "visited_on",
                table: "household_visits");

            migrationBuilder.DropColumn(
                name: "received_on",
                table: "cases");
        }
    }
}
