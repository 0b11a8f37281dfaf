using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SecretaryTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "appointed_on",
                table: "secretary_postings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "decoupled_from_unit",
                table: "secretary_postings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "heads_work_group",
                table: "secretary_postings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "membership_moved",
                table: "secretary_postings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "secretary_supports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    posting_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_secretary_supports", x => x.id);
                    table.ForeignKey(
                        name: "fk_secretary_supports_secretary_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "secretary_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_secretary_supports_posting_id",
                table: "secretary_supports",
                column: "posting_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "secretary_supports");

            migrationBuilder.DropColumn(
                name: "appointed_on",
                table: "secretary_postings");

            migrationBuilder.DropColumn(
                name: "decoupled_from_unit",
                table: "secretary_postings");

            migrationBuilder.DropColumn(
                name: "heads_work_group",
                table: "secretary_postings");

            migrationBuilder.DropColumn(
                name: "membership_moved",
                table: "secretary_postings");
        }
    }
}
