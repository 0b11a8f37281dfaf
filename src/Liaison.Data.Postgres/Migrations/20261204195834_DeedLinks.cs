using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeedLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "case_id",
                table: "deeds",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "client_id",
                table: "deeds",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deeds_case_id",
                table: "deeds",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_deeds_client_id",
                table: "deeds",
                column: "client_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_deeds_cases_case_id",
                table: "deeds",
                column: "case_id",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_deeds_cases_case_id",
                table: "deeds");

            migrationBuilder.DropIndex(
                name: "ix_deeds_case_id",
                table: "deeds");

            migrationBuilder.DropIndex(
                name: "ix_deeds_client_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "client_id",
                table: "deeds");
        }
    }
}
