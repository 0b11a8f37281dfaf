using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeedFulfils : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "agreement_target_id",
                table: "deeds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "support_id",
                table: "deeds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deeds_agreement_target_id",
                table: "deeds",
                column: "agreement_target_id");

            migrationBuilder.CreateIndex(
                name: "ix_deeds_support_id",
                table: "deeds",
                column: "support_id");

            migrationBuilder.AddForeignKey(
                name: "fk_deeds_agreement_targets_agreement_target_id",
                table: "deeds",
                column: "agreement_target_id",
                principalTable: "agreement_targets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_deeds_secretary_supports_support_id",
                table: "deeds",
                column: "support_id",
                principalTable: "secretary_supports",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_deeds_agreement_targets_agreement_target_id",
                table: "deeds");

            migrationBuilder.DropForeignKey(
                name: "fk_deeds_secretary_supports_support_id",
                table: "deeds");

            migrationBuilder.DropIndex(
                name: "ix_deeds_agreement_target_id",
                table: "deeds");

            migrationBuilder.DropIndex(
                name: "ix_deeds_support_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "agreement_target_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "support_id",
                table: "deeds");
        }
    }
}
