using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Grading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grading_rounds",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grading_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    problems = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    measures = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    leader_cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    judged_by_round_id = table.Column<long>(type: "INTEGER", nullable: true),
                    progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_rectifications_cadres_leader_cadre_id",
                        column: x => x.leader_cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rectifications_grading_rounds_judged_by_round_id",
                        column: x => x.judged_by_round_id,
                        principalTable: "grading_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "village_gradings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    round_id = table.Column<long>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    previous = table.Column<int>(type: "INTEGER", nullable: true),
                    criteria = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_gradings", x => x.id);
                    table.ForeignKey(
                        name: "fk_village_gradings_grading_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "grading_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_grading_rounds_township_code_year",
                table: "grading_rounds",
                columns: new[] { "township_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_judged_by_round_id",
                table: "rectifications",
                column: "judged_by_round_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_leader_cadre_id",
                table: "rectifications",
                column: "leader_cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_village_code_status",
                table: "rectifications",
                columns: new[] { "village_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_village_gradings_round_id_village_code",
                table: "village_gradings",
                columns: new[] { "round_id", "village_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_village_gradings_village_code",
                table: "village_gradings",
                column: "village_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "village_gradings");

            migrationBuilder.DropTable(
                name: "grading_rounds");
        }
    }
}
