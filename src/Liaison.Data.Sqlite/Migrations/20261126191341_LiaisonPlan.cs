using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LiaisonPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "liaison_ties",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    origin = table.Column<int>(type: "INTEGER", nullable: false),
                    locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liaison_ties", x => x.id);
                    table.ForeignKey(
                        name: "fk_liaison_ties_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_liaison_ties_divisions_division_code",
                        column: x => x.division_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_liaison_ties_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_versions", x => new { x.year, x.version });
                });

            migrationBuilder.CreateTable(
                name: "planned_stays",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tie_id = table.Column<long>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planned_stays", x => x.id);
                    table.ForeignKey(
                        name: "fk_planned_stays_liaison_ties_tie_id",
                        column: x => x.tie_id,
                        principalTable: "liaison_ties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_liaison_ties_cadre_id",
                table: "liaison_ties",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_liaison_ties_division_code",
                table: "liaison_ties",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_liaison_ties_unit_id",
                table: "liaison_ties",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_liaison_ties_year_until",
                table: "liaison_ties",
                columns: new[] { "year", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_planned_stays_tie_id",
                table: "planned_stays",
                column: "tie_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "planned_stays");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "liaison_ties");
        }
    }
}
