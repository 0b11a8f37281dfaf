using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    drafted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    drafted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    agreed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    township_signer = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    amendments = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    agreement_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    met_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_targets_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_targets_agreement_id",
                table: "agreement_targets",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_cadre_id",
                table: "agreements",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_village_code_year_cadre_id",
                table: "agreements",
                columns: new[] { "village_code", "year", "cadre_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_targets");

            migrationBuilder.DropTable(
                name: "agreements");
        }
    }
}
