// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>会员: members and their number counter, tags, service records (with revisions), group stays and timeline events.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122160000_Members")]
public sealed class Members : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MemberNumberCounters",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false),
                LastIssued = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MemberNumberCounters", x => x.Id));

        // The last number given: the first member gets 10001 (docs/adr/013-member-numbers.md).
        migrationBuilder.InsertData("MemberNumberCounters", new[] { "Id", "LastIssued" }, new[] { "INTEGER", "INTEGER" }, new object[] { 1, 10000 });

        migrationBuilder.CreateTable(
            name: "TagGroups",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                AutoKey = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TagGroups", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Members",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                MemberNo = table.Column<long>(type: "INTEGER", nullable: false),
                UnionId = table.Column<string>(type: "TEXT", nullable: true),
                Nickname = table.Column<string>(type: "TEXT", nullable: false),
                RemarkName = table.Column<string>(type: "TEXT", nullable: true),
                Phone = table.Column<string>(type: "TEXT", nullable: true),
                Gender = table.Column<string>(type: "TEXT", nullable: false),
                Region = table.Column<string>(type: "TEXT", nullable: true),
                FirstChannelId = table.Column<long>(type: "INTEGER", nullable: true),
                GrowthLevel = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<string>(type: "TEXT", nullable: false),
                BlacklistReason = table.Column<string>(type: "TEXT", nullable: true),
                BlacklistedById = table.Column<string>(type: "TEXT", nullable: true),
                BlacklistedByName = table.Column<string>(type: "TEXT", nullable: true),
                BlacklistedAt = table.Column<string>(type: "TEXT", nullable: true),
                CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                CreatedByName = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Members", x => x.Id);
                table.ForeignKey("FK_Members_Channels_FirstChannelId", x => x.FirstChannelId, "Channels", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Tags",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                TagGroupId = table.Column<long>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Colour = table.Column<string>(type: "TEXT", nullable: false),
                AutoKey = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tags", x => x.Id);
                table.ForeignKey("FK_Tags_TagGroups_TagGroupId", x => x.TagGroupId, "TagGroups", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MemberEvents",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                At = table.Column<string>(type: "TEXT", nullable: false),
                RecordedAt = table.Column<string>(type: "TEXT", nullable: false),
                ActorId = table.Column<string>(type: "TEXT", nullable: true),
                ActorName = table.Column<string>(type: "TEXT", nullable: true),
                TagId = table.Column<long>(type: "INTEGER", nullable: true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                ActivityId = table.Column<long>(type: "INTEGER", nullable: true),
                ScanId = table.Column<long>(type: "INTEGER", nullable: true),
                Amount = table.Column<string>(type: "TEXT", nullable: true),
                Detail = table.Column<string>(type: "TEXT", nullable: true),
                Source = table.Column<string>(type: "TEXT", nullable: true),
                ClientEventId = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberEvents", x => x.Id);
                table.ForeignKey("FK_MemberEvents_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceRecords",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                Text = table.Column<string>(type: "TEXT", nullable: false),
                AuthorId = table.Column<string>(type: "TEXT", nullable: true),
                AuthorName = table.Column<string>(type: "TEXT", nullable: true),
                EditedById = table.Column<string>(type: "TEXT", nullable: true),
                EditedByName = table.Column<string>(type: "TEXT", nullable: true),
                EditedAt = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                table.ForeignKey("FK_ServiceRecords_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MemberTags",
            columns: table => new
            {
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                TagId = table.Column<long>(type: "INTEGER", nullable: false),
                AddedAt = table.Column<string>(type: "TEXT", nullable: false),
                AddedById = table.Column<string>(type: "TEXT", nullable: true),
                AddedByName = table.Column<string>(type: "TEXT", nullable: true),
                Source = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberTags", x => new { x.MemberId, x.TagId });
                table.ForeignKey("FK_MemberTags_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MemberTags_Tags_TagId", x => x.TagId, "Tags", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceRecordRevisions",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ServiceRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                Text = table.Column<string>(type: "TEXT", nullable: false),
                WrittenById = table.Column<string>(type: "TEXT", nullable: true),
                WrittenByName = table.Column<string>(type: "TEXT", nullable: true),
                WrittenAt = table.Column<string>(type: "TEXT", nullable: false),
                ReplacedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceRecordRevisions", x => x.Id);
                table.ForeignKey("FK_ServiceRecordRevisions_ServiceRecords_ServiceRecordId", x => x.ServiceRecordId, "ServiceRecords", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GroupMemberships",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                JoinedAt = table.Column<string>(type: "TEXT", nullable: false),
                LeftAt = table.Column<string>(type: "TEXT", nullable: true),
                Source = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GroupMemberships", x => x.Id);
                table.ForeignKey("FK_GroupMemberships_Groups_GroupId", x => x.GroupId, "Groups", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GroupMemberships_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_GroupMemberships_MemberId_JoinedAt", "GroupMemberships", new[] { "MemberId", "JoinedAt" });
        migrationBuilder.CreateIndex("IX_GroupMemberships_Open", "GroupMemberships", new[] { "MemberId", "GroupId" }, unique: true,
            filter: "\"LeftAt\" IS NULL");
        migrationBuilder.CreateIndex("IX_GroupMemberships_OpenByGroup", "GroupMemberships", new[] { "GroupId", "MemberId" },
            filter: "\"LeftAt\" IS NULL");
        migrationBuilder.CreateIndex("IX_MemberEvents_MemberId_At", "MemberEvents", new[] { "MemberId", "At" });
        migrationBuilder.CreateIndex("IX_MemberEvents_Source_ClientEventId", "MemberEvents", new[] { "Source", "ClientEventId" }, unique: true,
            filter: "\"ClientEventId\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_Members_CreatedAt", "Members", "CreatedAt");
        migrationBuilder.CreateIndex("IX_Members_FirstChannelId_MemberNo", "Members", new[] { "FirstChannelId", "MemberNo" });
        migrationBuilder.CreateIndex("IX_Members_GrowthLevel_MemberNo", "Members", new[] { "GrowthLevel", "MemberNo" });
        migrationBuilder.CreateIndex("IX_Members_MemberNo", "Members", "MemberNo", unique: true);
        migrationBuilder.CreateIndex("IX_Members_Phone", "Members", "Phone", unique: true, filter: "\"Phone\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_Members_Status_MemberNo", "Members", new[] { "Status", "MemberNo" });
        migrationBuilder.CreateIndex("IX_Members_UnionId", "Members", "UnionId", unique: true, filter: "\"UnionId\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_MemberTags_TagId_MemberId", "MemberTags", new[] { "TagId", "MemberId" });
        migrationBuilder.CreateIndex("IX_ServiceRecordRevisions_ServiceRecordId", "ServiceRecordRevisions", "ServiceRecordId");
        migrationBuilder.CreateIndex("IX_ServiceRecords_MemberId_CreatedAt", "ServiceRecords", new[] { "MemberId", "CreatedAt" });
        migrationBuilder.CreateIndex("IX_TagGroups_AutoKey", "TagGroups", "AutoKey", unique: true, filter: "\"AutoKey\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_TagGroups_Name", "TagGroups", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Tags_AutoKey", "Tags", "AutoKey", unique: true, filter: "\"AutoKey\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_Tags_TagGroupId_Name", "Tags", new[] { "TagGroupId", "Name" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GroupMemberships");
        migrationBuilder.DropTable(name: "ServiceRecordRevisions");
        migrationBuilder.DropTable(name: "MemberTags");
        migrationBuilder.DropTable(name: "ServiceRecords");
        migrationBuilder.DropTable(name: "MemberEvents");
        migrationBuilder.DropTable(name: "Tags");
        migrationBuilder.DropTable(name: "Members");
        migrationBuilder.DropTable(name: "TagGroups");
        migrationBuilder.DropTable(name: "MemberNumberCounters");
    }
}
