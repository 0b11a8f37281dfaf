using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FirstSecretaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "secretary_calls",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    quota = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_calls_divisions_division_code",
                        column: x => x.division_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "secretary_candidates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    call_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    home_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    political_quality = table.Column<int>(type: "INTEGER", nullable: true),
                    innovation = table.Column<int>(type: "INTEGER", nullable: true),
                    mass_work = table.Column<int>(type: "INTEGER", nullable: true),
                    coordination = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_candidates_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_secretary_candidates_secretary_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "secretary_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "secretary_postings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    call_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    cost_category = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_need = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_distance = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_spread = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_postings_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_secretary_postings_divisions_village_code",
                        column: x => x.village_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_secretary_postings_secretary_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "secretary_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_secretary_calls_division_code",
                table: "secretary_calls",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_calls_year_division_code",
                table: "secretary_calls",
                columns: new[] { "year", "division_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_secretary_candidates_cadre_id",
                table: "secretary_candidates",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_candidates_call_id_cadre_id",
                table: "secretary_candidates",
                columns: new[] { "call_id", "cadre_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_secretary_postings_cadre_id",
                table: "secretary_postings",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_postings_call_id",
                table: "secretary_postings",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_postings_village_code",
                table: "secretary_postings",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_secretary_postings_year_until",
                table: "secretary_postings",
                columns: new[] { "year", "until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "secretary_candidates");

            migrationBuilder.DropTable(
                name: "secretary_postings");

            migrationBuilder.DropTable(
                name: "secretary_calls");
        }
    }
}
