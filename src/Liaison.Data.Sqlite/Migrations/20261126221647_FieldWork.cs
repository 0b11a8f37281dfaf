using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FieldWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "field_dirty",
                columns: table => new
                {
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_dirty", x => x.village_code);
                });

            migrationBuilder.CreateTable(
                name: "household_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    household_id = table.Column<long>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    visited_at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    issue_count = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_household_visits_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_household_visits_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_conflicts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    payload = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_conflicts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "residence_stays",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    arrived_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residence_stays", x => x.id);
                    table.ForeignKey(
                        name: "fk_residence_stays_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "secretary_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    people = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_activities_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visit_issues",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    visit_id = table.Column<long>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    household_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    case_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_issues", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_issues_household_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "household_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_household_visits_cadre_id_year",
                table: "household_visits",
                columns: new[] { "cadre_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_household_visits_client_id",
                table: "household_visits",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_visits_household_id",
                table: "household_visits",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_household_visits_village_code_year",
                table: "household_visits",
                columns: new[] { "village_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_record_conflicts_client_id",
                table: "record_conflicts",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_residence_stays_cadre_id_year",
                table: "residence_stays",
                columns: new[] { "cadre_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_residence_stays_client_id",
                table: "residence_stays",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residence_stays_village_code_year",
                table: "residence_stays",
                columns: new[] { "village_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_secretary_activities_cadre_id_year",
                table: "secretary_activities",
                columns: new[] { "cadre_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_secretary_activities_client_id",
                table: "secretary_activities",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_secretary_activities_village_code_year",
                table: "secretary_activities",
                columns: new[] { "village_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_issues_village_code",
                table: "visit_issues",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_visit_issues_visit_id",
                table: "visit_issues",
                column: "visit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "field_dirty");

            migrationBuilder.DropTable(
                name: "record_conflicts");

            migrationBuilder.DropTable(
                name: "residence_stays");

            migrationBuilder.DropTable(
                name: "secretary_activities");

            migrationBuilder.DropTable(
                name: "visit_issues");

            migrationBuilder.DropTable(
                name: "household_visits");
        }
    }
}
