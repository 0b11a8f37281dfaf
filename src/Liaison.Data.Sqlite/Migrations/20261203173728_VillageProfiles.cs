using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VillageProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "village_profiles",
                columns: table => new
                {
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    types = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    population = table.Column<int>(type: "INTEGER", nullable: true),
                    households = table.Column<int>(type: "INTEGER", nullable: true),
                    collective_income = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    seat_distance_km = table.Column<double>(type: "REAL", nullable: true),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    source_file = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_profiles", x => new { x.village_code, x.year });
                    table.ForeignKey(
                        name: "fk_village_profiles_divisions_village_code",
                        column: x => x.village_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "village_profiles");
        }
    }
}
