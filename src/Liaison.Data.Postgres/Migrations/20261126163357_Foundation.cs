using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "division_rollups",
                columns: table => new
                {
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    indicator_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_rollups", x => new { x.division_code, x.indicator_id });
                });

            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    village_kind = table.Column<int>(type: "integer", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    village_type = table.Column<int>(type: "integer", nullable: false, defaultValueSql: "0"),
                    party_org_grade = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_divisions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    house_no = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    head_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    head_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    categories = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_divisions_village_code",
                        column: x => x.village_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_divisions_division_code",
                        column: x => x.division_code,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cadres",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    is_reserve = table.Column<bool>(type: "boolean", nullable: false),
                    is_police = table.Column<bool>(type: "boolean", nullable: false),
                    is_newly_promoted = table.Column<bool>(type: "boolean", nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadres", x => x.id);
                    table.ForeignKey(
                        name: "fk_cadres_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cadres_code",
                table: "cadres",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cadres_unit_id",
                table: "cadres",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_divisions_name",
                table: "divisions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_divisions_parent_code",
                table: "divisions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_households_village_code_house_no",
                table: "households",
                columns: new[] { "village_code", "house_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_code",
                table: "units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_division_code",
                table: "units",
                column: "division_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadres");

            migrationBuilder.DropTable(
                name: "division_rollups");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "divisions");
        }
    }
}
