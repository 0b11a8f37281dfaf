using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeedTeam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "team_id",
                table: "deeds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deeds_team_id",
                table: "deeds",
                column: "team_id");

            migrationBuilder.AddForeignKey(
                name: "fk_deeds_work_teams_team_id",
                table: "deeds",
                column: "team_id",
                principalTable: "work_teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_deeds_work_teams_team_id",
                table: "deeds");

            migrationBuilder.DropIndex(
                name: "ix_deeds_team_id",
                table: "deeds");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "deeds");
        }
    }
}
