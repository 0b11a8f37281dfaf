using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Deeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deeds",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deeds", x => x.id);
                    table.ForeignKey(
                        name: "fk_deeds_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deeds_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deed_quantities",
                columns: table => new
                {
                    deed_id = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deed_quantities", x => new { x.deed_id, x.code });
                    table.ForeignKey(
                        name: "fk_deed_quantities_deeds_deed_id",
                        column: x => x.deed_id,
                        principalTable: "deeds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deeds_cadre_id",
                table: "deeds",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_deeds_unit_id",
                table: "deeds",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_deeds_village_code_year",
                table: "deeds",
                columns: new[] { "village_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deed_quantities");

            migrationBuilder.DropTable(
                name: "deeds");
        }
    }
}
