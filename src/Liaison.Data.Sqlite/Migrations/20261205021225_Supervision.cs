using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_samples",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    design = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    frame_size = table.Column<long>(type: "INTEGER", nullable: false),
                    margin = table.Column<double>(type: "REAL", nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    drawn_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_samples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    source_id = table.Column<long>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    severity = table.Column<int>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_findings_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_findings_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    required = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    @public = table.Column<bool>(name: "public", type: "INTEGER", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    withdrawn_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    drafted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    drafted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sample_calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sample_id = table.Column<long>(type: "INTEGER", nullable: false),
                    visit_id = table.Column<long>(type: "INTEGER", nullable: false),
                    household_id = table.Column<long>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: false),
                    stratum = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    visited = table.Column<bool>(type: "INTEGER", nullable: true),
                    when_matches = table.Column<bool>(type: "INTEGER", nullable: true),
                    problem_taken_up = table.Column<bool>(type: "INTEGER", nullable: true),
                    satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    called_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    called_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sample_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_sample_calls_call_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "call_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sample_calls_household_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "household_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sample_calls_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sample_strata",
                columns: table => new
                {
                    sample_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    drawn = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sample_strata", x => new { x.sample_id, x.key });
                    table.ForeignKey(
                        name: "fk_sample_strata_call_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "call_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_findings",
                columns: table => new
                {
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    finding_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_findings", x => new { x.notice_id, x.finding_id });
                    table.ForeignKey(
                        name: "fk_notice_findings_findings_finding_id",
                        column: x => x.finding_id,
                        principalTable: "findings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_findings_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_subjects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_subjects_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_subjects_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notice_subjects_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notice_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    required = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    saved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_versions_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rectification_orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: true),
                    finding_id = table.Column<long>(type: "INTEGER", nullable: true),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    cadre_id = table.Column<int>(type: "INTEGER", nullable: true),
                    what = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ordered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    escalated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectification_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_rectification_orders_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rectification_orders_findings_finding_id",
                        column: x => x.finding_id,
                        principalTable: "findings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rectification_orders_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rectification_orders_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_rounds",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    planned_for = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    method = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    recheck_order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    planned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    planned_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_rounds_rectification_orders_recheck_order_id",
                        column: x => x.recheck_order_id,
                        principalTable: "rectification_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_steps_rectification_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "rectification_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    round_id = table.Column<long>(type: "INTEGER", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    present = table.Column<bool>(type: "INTEGER", nullable: true),
                    ties_match = table.Column<bool>(type: "INTEGER", nullable: true),
                    noticeboard = table.Column<bool>(type: "INTEGER", nullable: true),
                    contact_cards = table.Column<bool>(type: "INTEGER", nullable: true),
                    suggestion_box = table.Column<bool>(type: "INTEGER", nullable: true),
                    records_book = table.Column<bool>(type: "INTEGER", nullable: true),
                    villagers_asked = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspections_inspection_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "inspection_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_samples_division_code",
                table: "call_samples",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_findings_cadre_id",
                table: "findings",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_division_code",
                table: "findings",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_findings_source_source_id",
                table: "findings",
                columns: new[] { "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_unit_id",
                table: "findings",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_rounds_division_code",
                table: "inspection_rounds",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_rounds_recheck_order_id",
                table: "inspection_rounds",
                column: "recheck_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_client_id",
                table: "inspections",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_round_id_village_code",
                table: "inspections",
                columns: new[] { "round_id", "village_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_village_code",
                table: "inspections",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_notice_findings_finding_id",
                table: "notice_findings",
                column: "finding_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_subjects_cadre_id",
                table: "notice_subjects",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_subjects_notice_id",
                table: "notice_subjects",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_subjects_unit_id",
                table: "notice_subjects",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_notice_id_version",
                table: "notice_versions",
                columns: new[] { "notice_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_division_code",
                table: "notices",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_order_steps_order_id",
                table: "order_steps",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_cadre_id",
                table: "rectification_orders",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_division_code",
                table: "rectification_orders",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_finding_id",
                table: "rectification_orders",
                column: "finding_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_notice_id",
                table: "rectification_orders",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_status_due",
                table: "rectification_orders",
                columns: new[] { "status", "due" });

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_unit_id",
                table: "rectification_orders",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectification_orders_village_code",
                table: "rectification_orders",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_sample_calls_household_id",
                table: "sample_calls",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_sample_calls_sample_id_visit_id",
                table: "sample_calls",
                columns: new[] { "sample_id", "visit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sample_calls_visit_id",
                table: "sample_calls",
                column: "visit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "notice_findings");

            migrationBuilder.DropTable(
                name: "notice_subjects");

            migrationBuilder.DropTable(
                name: "notice_versions");

            migrationBuilder.DropTable(
                name: "order_steps");

            migrationBuilder.DropTable(
                name: "sample_calls");

            migrationBuilder.DropTable(
                name: "sample_strata");

            migrationBuilder.DropTable(
                name: "inspection_rounds");

            migrationBuilder.DropTable(
                name: "call_samples");

            migrationBuilder.DropTable(
                name: "rectification_orders");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "notices");
        }
    }
}
