// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>活码: live codes with their pools, channels and channel codes, and the append-only scan log.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122140000_LiveCodes")]
public sealed class LiveCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Channels",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Type = table.Column<string>(type: "TEXT", nullable: false),
                Cost = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Channels", x => x.Id));

        migrationBuilder.CreateTable(
            name: "LiveCodes",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Slug = table.Column<string>(type: "TEXT", nullable: false),
                Mode = table.Column<string>(type: "TEXT", nullable: false),
                DefaultThreshold = table.Column<long>(type: "INTEGER", nullable: false),
                ValidFrom = table.Column<string>(type: "TEXT", nullable: true),
                ValidUntil = table.Column<string>(type: "TEXT", nullable: true),
                IsPaused = table.Column<long>(type: "INTEGER", nullable: false),
                FallbackMessage = table.Column<string>(type: "TEXT", nullable: true),
                FallbackImage = table.Column<byte[]>(type: "BLOB", nullable: true),
                FallbackImageContentType = table.Column<string>(type: "TEXT", nullable: true),
                LandingTitle = table.Column<string>(type: "TEXT", nullable: true),
                LandingText = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LiveCodes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ChannelCodes",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                LiveCodeId = table.Column<long>(type: "INTEGER", nullable: false),
                ChannelId = table.Column<long>(type: "INTEGER", nullable: false),
                Key = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelCodes", x => x.Id);
                table.ForeignKey("FK_ChannelCodes_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ChannelCodes_LiveCodes_LiveCodeId", x => x.LiveCodeId, "LiveCodes", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "LiveCodePoolEntries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                LiveCodeId = table.Column<long>(type: "INTEGER", nullable: false),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                Position = table.Column<long>(type: "INTEGER", nullable: false),
                Threshold = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LiveCodePoolEntries", x => x.Id);
                table.ForeignKey("FK_LiveCodePoolEntries_Groups_GroupId", x => x.GroupId, "Groups", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LiveCodePoolEntries_LiveCodes_LiveCodeId", x => x.LiveCodeId, "LiveCodes", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Scans",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                LiveCodeId = table.Column<long>(type: "INTEGER", nullable: false),
                ChannelCodeId = table.Column<long>(type: "INTEGER", nullable: true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                VisitorKey = table.Column<string>(type: "TEXT", nullable: false),
                Outcome = table.Column<string>(type: "TEXT", nullable: false),
                Client = table.Column<string>(type: "TEXT", nullable: false),
                UserAgent = table.Column<string>(type: "TEXT", nullable: true),
                At = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Scans", x => x.Id);
                table.ForeignKey("FK_Scans_ChannelCodes_ChannelCodeId", x => x.ChannelCodeId, "ChannelCodes", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Scans_Groups_GroupId", x => x.GroupId, "Groups", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Scans_LiveCodes_LiveCodeId", x => x.LiveCodeId, "LiveCodes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ChannelCodes_ChannelId", "ChannelCodes", "ChannelId");
        migrationBuilder.CreateIndex("IX_ChannelCodes_Key", "ChannelCodes", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_ChannelCodes_LiveCodeId_ChannelId", "ChannelCodes", new[] { "LiveCodeId", "ChannelId" }, unique: true);
        migrationBuilder.CreateIndex("IX_Channels_Name", "Channels", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_LiveCodePoolEntries_GroupId", "LiveCodePoolEntries", "GroupId");
        migrationBuilder.CreateIndex("IX_LiveCodePoolEntries_LiveCodeId_GroupId", "LiveCodePoolEntries", new[] { "LiveCodeId", "GroupId" }, unique: true);
        migrationBuilder.CreateIndex("IX_LiveCodes_Slug", "LiveCodes", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Scans_ChannelCodeId", "Scans", "ChannelCodeId");
        migrationBuilder.CreateIndex("IX_Scans_GroupId", "Scans", "GroupId");
        migrationBuilder.CreateIndex("IX_Scans_LiveCodeId_At", "Scans", new[] { "LiveCodeId", "At" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Scans");
        migrationBuilder.DropTable(name: "LiveCodePoolEntries");
        migrationBuilder.DropTable(name: "ChannelCodes");
        migrationBuilder.DropTable(name: "LiveCodes");
        migrationBuilder.DropTable(name: "Channels");
    }
}
