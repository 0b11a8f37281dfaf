using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdLinksApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "household_links",
                columns: table => new
                {
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    other_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_links", x => new { x.household_id, x.kind });
                    table.ForeignKey(
                        name: "fk_household_links_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_household_links_households_other_id",
                        column: x => x.other_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_household_links_other_id",
                table: "household_links",
                column: "other_id");

            // The links households had move to their own table before the columns go.
            migrationBuilder.Sql("INSERT INTO household_links (household_id, kind, other_id) SELECT id, 1, merged_into_id FROM households WHERE merged_into_id IS NOT NULL");
            migrationBuilder.Sql("INSERT INTO household_links (household_id, kind, other_id) SELECT id, 2, split_from_id FROM households WHERE split_from_id IS NOT NULL");

            migrationBuilder.DropForeignKey(
                name: "fk_households_households_merged_into_id",
                table: "households");

            migrationBuilder.DropForeignKey(
                name: "fk_households_households_split_from_id",
                table: "households");

            migrationBuilder.DropIndex(
                name: "ix_households_merged_into_id",
                table: "households");

            migrationBuilder.DropIndex(
                name: "ix_households_split_from_id",
                table: "households");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "households");

            migrationBuilder.DropColumn(
                name: "split_from_id",
                table: "households");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "merged_into_id",
                table: "households",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "split_from_id",
                table: "households",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("UPDATE households SET merged_into_id = (SELECT other_id FROM household_links l WHERE l.household_id = households.id AND l.kind = 1) WHERE id IN (SELECT household_id FROM household_links WHERE kind = 1)");
            migrationBuilder.Sql("UPDATE households SET split_from_id = (SELECT other_id FROM household_links l WHERE l.household_id = households.id AND l.kind = 2) WHERE id IN (SELECT household_id FROM household_links WHERE kind = 2)");

            migrationBuilder.DropTable(
                name: "household_links");

            migrationBuilder.CreateIndex(
                name: "ix_households_merged_into_id",
                table: "households",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_split_from_id",
                table: "households",
                column: "split_from_id");

            migrationBuilder.AddForeignKey(
                name: "fk_households_households_merged_into_id",
                table: "households",
                column: "merged_into_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_households_households_split_from_id",
                table: "households",
                column: "split_from_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
