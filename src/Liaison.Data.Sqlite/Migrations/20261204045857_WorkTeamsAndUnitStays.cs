using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkTeamsAndUnitStays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_stays",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tie_id = table.Column<long>(type: "INTEGER", nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    arrived_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_stays", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_stays_liaison_ties_tie_id",
                        column: x => x.tie_id,
                        principalTable: "liaison_ties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_teams",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    head_post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_teams_divisions_division_code",
                        column: x => x.division_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_team_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    decisions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_team_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_team_meetings_work_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "work_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_team_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<int>(type: "INTEGER", nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_team_members_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_team_members_work_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "work_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_stays_tie_id_arrived_on",
                table: "unit_stays",
                columns: new[] { "tie_id", "arrived_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_team_meetings_team_id_held_on",
                table: "work_team_meetings",
                columns: new[] { "team_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_work_team_members_cadre_id",
                table: "work_team_members",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_team_members_team_id",
                table: "work_team_members",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_teams_division_code",
                table: "work_teams",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_work_teams_year_division_code",
                table: "work_teams",
                columns: new[] { "year", "division_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_stays");

            migrationBuilder.DropTable(
                name: "work_team_meetings");

            migrationBuilder.DropTable(
                name: "work_team_members");

            migrationBuilder.DropTable(
                name: "work_teams");
        }
    }
}
