using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_reviews_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_checks",
                columns: table => new
                {
                    review_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    in_order = table.Column<bool>(type: "INTEGER", nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_checks", x => new { x.review_id, x.item });
                    table.ForeignKey(
                        name: "fk_review_checks_document_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "document_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_reviews_division_code",
                table: "document_reviews",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_document_reviews_unit_id",
                table: "document_reviews",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_checks");

            migrationBuilder.DropTable(
                name: "document_reviews");
        }
    }
}
