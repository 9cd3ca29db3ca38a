// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>群二维码: the QR screenshots of groups, with their history.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122130000_GroupQrs")]
public sealed class GroupQrs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GroupQrs",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                Payload = table.Column<string>(type: "TEXT", nullable: false),
                Image = table.Column<byte[]>(type: "BLOB", nullable: false),
                ImageContentType = table.Column<string>(type: "TEXT", nullable: false),
                UploadedAt = table.Column<string>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<string>(type: "TEXT", nullable: false),
                UploadedById = table.Column<string>(type: "TEXT", nullable: true),
                ReplacedAt = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GroupQrs", x => x.Id);
                table.ForeignKey(
                    name: "FK_GroupQrs_AspNetUsers_UploadedById",
                    column: x => x.UploadedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_GroupQrs_Groups_GroupId",
                    column: x => x.GroupId,
                    principalTable: "Groups",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_GroupQrs_Current",
            table: "GroupQrs",
            column: "GroupId",
            unique: true,
            filter: "\"ReplacedAt\" IS NULL");

        migrationBuilder.CreateIndex(
            name: "IX_GroupQrs_GroupId_UploadedAt",
            table: "GroupQrs",
            columns: new[] { "GroupId", "UploadedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_GroupQrs_UploadedById",
            table: "GroupQrs",
            column: "UploadedById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GroupQrs");
    }
}
