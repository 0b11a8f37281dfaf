using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RowBoundPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reference",
                table: "disputes",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            // Disputes recorded before had no reference: a numbered one ('D' and digits, which drawn
            // references never hold), so that each row has an identity its personal data is bound to.
            migrationBuilder.Sql("UPDATE disputes SET reference = 'D' || substr('00000000000' || id, -11, 11)");

            migrationBuilder.CreateIndex(
                name: "ix_disputes_reference",
                table: "disputes",
                column: "reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_disputes_reference",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "reference",
                table: "disputes");
        }
    }
}
