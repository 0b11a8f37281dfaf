using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Commitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "commitment_id",
                table: "deeds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    made_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitments_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitment_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    commitment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_steps_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deeds_commitment_id",
                table: "deeds",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_steps_commitment_id",
                table: "commitment_steps",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_cadre_id",
                table: "commitments",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_village_code_year",
                table: "commitments",
                columns: new[] { "village_code", "year" });

            migrationBuilder.AddForeignKey(
                name: "fk_deeds_commitments_commitment_id",
                table: "deeds",
                column: "commitment_id",
                principalTable: "commitments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_deeds_commitments_commitment_id",
                table: "deeds");

            migrationBuilder.DropTable(
                name: "commitment_steps");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropIndex(
                name: "ix_deeds_commitment_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "commitment_id",
                table: "deeds");
        }
    }
}
