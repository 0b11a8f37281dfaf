using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "division_months",
                columns: table => new
                {
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    indicator_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_months", x => new { x.division_code, x.indicator_id, x.month });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "division_months");
        }
    }
}
