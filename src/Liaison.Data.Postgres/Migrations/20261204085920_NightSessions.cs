using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NightSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "night_session_id",
                table: "cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "night_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    people = table.Column<int>(type: "integer", nullable: false),
                    attendees = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cadre_id = table.Column<int>(type: "integer", nullable: true),
                    raised = table.Column<int>(type: "integer", nullable: false),
                    solved = table.Column<int>(type: "integer", nullable: false),
                    explained = table.Column<int>(type: "integer", nullable: false),
                    escalated = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_night_sessions_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "night_matters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_matters", x => x.id);
                    table.ForeignKey(
                        name: "fk_night_matters_night_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "night_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_night_session_id",
                table: "cases",
                column: "night_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_night_matters_session_id_line",
                table: "night_matters",
                columns: new[] { "session_id", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_night_sessions_cadre_id",
                table: "night_sessions",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_night_sessions_village_code_year",
                table: "night_sessions",
                columns: new[] { "village_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "night_matters");

            migrationBuilder.DropTable(
                name: "night_sessions");

            migrationBuilder.DropIndex(
                name: "ix_cases_night_session_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "night_session_id",
                table: "cases");
        }
    }
}
