using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VisitTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_tallies",
                columns: table => new
                {
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    cadre_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    visits = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_tallies", x => new { x.village_code, x.year, x.household_id, x.cadre_id, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "ix_visit_tallies_cadre_id_year",
                table: "visit_tallies",
                columns: new[] { "cadre_id", "year" });

            // Visits from before: their tallies, counted once here; from now on every writer of a visit adds it.
            migrationBuilder.Sql("INSERT INTO visit_tallies (village_code, year, household_id, cadre_id, month, visits) " +
                "SELECT village_code, year, household_id, cadre_id, CAST(EXTRACT(MONTH FROM visited_on) AS integer), count(*) FROM household_visits " +
                "GROUP BY village_code, year, household_id, cadre_id, CAST(EXTRACT(MONTH FROM visited_on) AS integer)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_tallies");
        }
    }
}
