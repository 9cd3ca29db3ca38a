// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>分群: member-list filters saved under a unique name.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122170000_Segments")]
public sealed class Segments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MemberSegments",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                FilterJson = table.Column<string>(type: "TEXT", nullable: false),
                CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                CreatedByName = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MemberSegments", x => x.Id));

        migrationBuilder.CreateIndex("IX_MemberSegments_Name", "MemberSegments", "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MemberSegments");
    }
}
