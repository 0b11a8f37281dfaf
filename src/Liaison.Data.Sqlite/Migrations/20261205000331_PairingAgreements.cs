using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PairingAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "cadre_id",
                table: "agreements",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "unit_id",
                table: "agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_unit_id",
                table: "agreements",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_village_code_year_unit_id",
                table: "agreements",
                columns: new[] { "village_code", "year", "unit_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_agreements_units_unit_id",
                table: "agreements",
                column: "unit_id",
                principalTable: "units",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_agreements_units_unit_id",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_agreements_unit_id",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_agreements_village_code_year_unit_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "unit_id",
                table: "agreements");

            migrationBuilder.AlterColumn<int>(
                name: "cadre_id",
                table: "agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
