// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>Receipts of events-API items (Features/Members/Events/EventReceipt.cs): a re-sent item is recognised.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122172000_EventReceipts")]
public sealed class EventReceipts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EventReceipts",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Source = table.Column<string>(type: "TEXT", nullable: false),
                ClientEventId = table.Column<string>(type: "TEXT", nullable: false),
                Type = table.Column<string>(type: "TEXT", nullable: false),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EventReceipts", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_EventReceipts_Source_ClientEventId",
            table: "EventReceipts",
            columns: new[] { "Source", "ClientEventId" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EventReceipts");
    }
}
