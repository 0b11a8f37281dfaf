using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    computed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    assessed = table.Column<int>(type: "INTEGER", nullable: false),
                    top_allowed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ballot_refusals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    address_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_refusals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mass_ballots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    household_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    address_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mass_ballots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observation_scores",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    observed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_scores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "paper_codes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    code_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_comments_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    raw = table.Column<double>(type: "REAL", nullable: false),
                    adjustment = table.Column<double>(type: "REAL", nullable: false),
                    adjust_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    capped = table.Column<bool>(type: "INTEGER", nullable: false),
                    veto = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_results_assessment_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "assessment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessment_results_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mass_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ballot_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    screening = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mass_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_mass_ratings_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mass_ratings_mass_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "mass_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_appeals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    result_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    filed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    change = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_appeals_assessment_results_result_id",
                        column: x => x.result_id,
                        principalTable: "assessment_results",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_parts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    result_id = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    weight = table.Column<double>(type: "REAL", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: true),
                    points = table.Column<double>(type: "REAL", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    detail_en = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_parts_assessment_results_result_id",
                        column: x => x.result_id,
                        principalTable: "assessment_results",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_appeals_result_id",
                table: "assessment_appeals",
                column: "result_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_parts_result_id",
                table: "assessment_parts",
                column: "result_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_cadre_id",
                table: "assessment_results",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_run_id_cadre_id",
                table: "assessment_results",
                columns: new[] { "run_id", "cadre_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_village_code",
                table: "assessment_results",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_runs_year_group_division_code",
                table: "assessment_runs",
                columns: new[] { "year", "group", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_ballot_refusals_year_village_code",
                table: "ballot_refusals",
                columns: new[] { "year", "village_code" });

            migrationBuilder.CreateIndex(
                name: "ix_mass_ballots_address_key_at",
                table: "mass_ballots",
                columns: new[] { "address_key", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_mass_ballots_year_village_code_household_key",
                table: "mass_ballots",
                columns: new[] { "year", "village_code", "household_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mass_ratings_ballot_id_cadre_id",
                table: "mass_ratings",
                columns: new[] { "ballot_id", "cadre_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mass_ratings_cadre_id",
                table: "mass_ratings",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_mass_ratings_village_code",
                table: "mass_ratings",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_mass_ratings_year_cadre_id",
                table: "mass_ratings",
                columns: new[] { "year", "cadre_id" });

            migrationBuilder.CreateIndex(
                name: "ix_observation_scores_year_village_code_observed_on_item",
                table: "observation_scores",
                columns: new[] { "year", "village_code", "observed_on", "item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_codes_code_key",
                table: "paper_codes",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_codes_year_village_code",
                table: "paper_codes",
                columns: new[] { "year", "village_code" });

            migrationBuilder.CreateIndex(
                name: "ix_work_comments_cadre_id",
                table: "work_comments",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_comments_year_cadre_id_source",
                table: "work_comments",
                columns: new[] { "year", "cadre_id", "source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_appeals");

            migrationBuilder.DropTable(
                name: "assessment_parts");

            migrationBuilder.DropTable(
                name: "ballot_refusals");

            migrationBuilder.DropTable(
                name: "mass_ratings");

            migrationBuilder.DropTable(
                name: "observation_scores");

            migrationBuilder.DropTable(
                name: "paper_codes");

            migrationBuilder.DropTable(
                name: "work_comments");

            migrationBuilder.DropTable(
                name: "assessment_results");

            migrationBuilder.DropTable(
                name: "mass_ballots");

            migrationBuilder.DropTable(
                name: "assessment_runs");
        }
    }
}
