using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoredFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plausibility_flags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    cadre_id = table.Column<int>(type: "integer", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    evidence_zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    evidence_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    records = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    finding_id = table.Column<long>(type: "bigint", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plausibility_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_plausibility_flags_cadres_cadre_id",
                        column: x => x.cadre_id,
                        principalTable: "cadres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plausibility_flags_findings_finding_id",
                        column: x => x.finding_id,
                        principalTable: "findings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plausibility_flags_cadre_id",
                table: "plausibility_flags",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_plausibility_flags_finding_id",
                table: "plausibility_flags",
                column: "finding_id");

            migrationBuilder.CreateIndex(
                name: "ix_plausibility_flags_key",
                table: "plausibility_flags",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plausibility_flags_village_code_status",
                table: "plausibility_flags",
                columns: new[] { "village_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plausibility_flags");
        }
    }
}
