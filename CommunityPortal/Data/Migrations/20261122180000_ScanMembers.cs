// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>Scans linked to members (Features/LiveCodes/ScanMemberLinks.cs): the member's timeline shows their scans.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122180000_ScanMembers")]
public sealed class ScanMembers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "MemberId", table: "Scans", type: "INTEGER", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Scans_MemberId_At", table: "Scans", columns: new[] { "MemberId", "At" });
        migrationBuilder.CreateIndex(name: "IX_Scans_VisitorKey", table: "Scans", column: "VisitorKey");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Scans_VisitorKey", table: "Scans");
        migrationBuilder.DropIndex(name: "IX_Scans_MemberId_At", table: "Scans");
        migrationBuilder.DropColumn(name: "MemberId", table: "Scans");
    }
}
