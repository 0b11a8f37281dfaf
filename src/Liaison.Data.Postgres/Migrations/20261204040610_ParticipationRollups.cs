using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ParticipationRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cadre_participation",
                columns: table => new
                {
                    cadre_id = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_participation", x => x.cadre_id);
                });

            migrationBuilder.CreateTable(
                name: "participation_dirty",
                columns: table => new
                {
                    cadre_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_dirty", x => x.cadre_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadre_participation");

            migrationBuilder.DropTable(
                name: "participation_dirty");
        }
    }
}
