using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NightSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "night_session_id",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "night_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    people = table.Column<int>(type: "INTEGER", nullable: false),
                    attendees = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    raised = table.Column<int>(type: "INTEGER", nullable: false),
                    solved = table.Column<int>(type: "INTEGER", nullable: false),
                    explained = table.Column<int>(type: "INTEGER", nullable: false),
                    escalated = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_night_sessions_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "night_matters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    case_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_matters", x => x.id);
                    table.ForeignKey(
                        name: "fk_night_matters_night_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "night_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_night_session_id",
                table: "cases",
                column: "night_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_night_matters_session_id_line",
                table: "night_matters",
                columns: new[] { "session_id", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_night_sessions_cadre_id",
                table: "night_sessions",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_night_sessions_village_code_year",
                table: "night_sessions",
                columns: new[] { "village_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "night_matters");

            migrationBuilder.DropTable(
                name: "night_sessions");

            migrationBuilder.DropIndex(
                name: "ix_cases_night_session_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "night_session_id",
                table: "cases");
        }
    }
}
