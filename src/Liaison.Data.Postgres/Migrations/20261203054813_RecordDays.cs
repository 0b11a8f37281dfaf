using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
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
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "received_on",
                table: "cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Rows from before: the China calendar day of their instant (UTC+8, as ChinaTime counts).
            migrationBuilder.Sql("UPDATE household_visits SET visited_on = CAST((visited_at AT TIME ZONE 'UTC') + interval '8 hours' AS date)");
            migrationBuilder.Sql("UPDATE cases SET received_on = CAST((received_at AT TIME ZONE 'UTC') + interval '8 hours' AS date)");

        }

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
