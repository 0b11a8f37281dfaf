using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistriesThatLive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "merged_into_id",
                table: "units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "units",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "units",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "merged_into_id",
                table: "households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "split_from_id",
                table: "households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "cadres",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "cadres",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "cadres",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "registry_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    other_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_units_merged_into_id",
                table: "units",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_merged_into_id",
                table: "households",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_split_from_id",
                table: "households",
                column: "split_from_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_events_division_code_on",
                table: "registry_events",
                columns: new[] { "division_code", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_events_kind_record_id_version",
                table: "registry_events",
                columns: new[] { "kind", "record_id", "version" });

            migrationBuilder.AddForeignKey(
                name: "fk_households_households_merged_into_id",
                table: "households",
                column: "merged_into_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_households_households_split_from_id",
                table: "households",
                column: "split_from_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_units_units_merged_into_id",
                table: "units",
                column: "merged_into_id",
                principalTable: "units",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_households_households_merged_into_id",
                table: "households");

            migrationBuilder.DropForeignKey(
                name: "fk_households_households_split_from_id",
                table: "households");

            migrationBuilder.DropForeignKey(
                name: "fk_units_units_merged_into_id",
                table: "units");

            migrationBuilder.DropTable(
                name: "registry_events");

            migrationBuilder.DropIndex(
                name: "ix_units_merged_into_id",
                table: "units");

            migrationBuilder.DropIndex(
                name: "ix_households_merged_into_id",
                table: "households");

            migrationBuilder.DropIndex(
                name: "ix_households_split_from_id",
                table: "households");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "units");

            migrationBuilder.DropColumn(
                name: "status",
                table: "units");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "units");

            migrationBuilder.DropColumn(
                name: "version",
                table: "units");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "households");

            migrationBuilder.DropColumn(
                name: "split_from_id",
                table: "households");

            migrationBuilder.DropColumn(
                name: "status",
                table: "households");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "households");

            migrationBuilder.DropColumn(
                name: "version",
                table: "households");

            migrationBuilder.DropColumn(
                name: "status",
                table: "cadres");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "cadres");

            migrationBuilder.DropColumn(
                name: "version",
                table: "cadres");
        }
    }
}
