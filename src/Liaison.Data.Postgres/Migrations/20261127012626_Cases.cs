using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tracking_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: true),
                    person_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    person_phone = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    cadre_id = table.Column<int>(type: "integer", nullable: true),
                    visit_issue_id = table.Column<long>(type: "bigint", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    received_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    holder_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    holder_unit_id = table.Column<int>(type: "integer", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    bounces = table.Column<int>(type: "integer", nullable: false),
                    reopens = table.Column<int>(type: "integer", nullable: false),
                    escalations = table.Column<int>(type: "integer", nullable: false),
                    merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_time = table.Column<bool>(type: "boolean", nullable: true),
                    reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_solved = table.Column<bool>(type: "boolean", nullable: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true),
                    followed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parties = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    mediator_cadre_id = table.Column<int>(type: "integer", nullable: true),
                    mediator_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    referred_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agreement_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "errands",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    cadre_id = table.Column<int>(type: "integer", nullable: true),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_errands", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<int>(type: "integer", nullable: false),
                    to_status = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    holder_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    holder_unit_id = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_steps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_steps_case_id",
                table: "case_steps",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_cadre_id",
                table: "cases",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_holder_division_status",
                table: "cases",
                columns: new[] { "holder_division", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_due_on",
                table: "cases",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_tracking_code",
                table: "cases",
                column: "tracking_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_village_code_year",
                table: "cases",
                columns: new[] { "village_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_visit_issue_id",
                table: "cases",
                column: "visit_issue_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disputes_village_code_year",
                table: "disputes",
                columns: new[] { "village_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_errands_village_code_year",
                table: "errands",
                columns: new[] { "village_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_steps");

            migrationBuilder.DropTable(
                name: "disputes");

            migrationBuilder.DropTable(
                name: "errands");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
