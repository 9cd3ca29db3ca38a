// Hand-written (docs/adr/002-hand-written-migrations.md); MigrationSchemaTests checks it against the model.
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations;

/// <summary>报名: an activity's sign-up form (public page /s/{slug}) and the members signed up for it.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122171000_Signups")]
public sealed class Signups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignupForms",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ActivityId = table.Column<long>(type: "INTEGER", nullable: false),
                Slug = table.Column<string>(type: "TEXT", nullable: false),
                Title = table.Column<string>(type: "TEXT", nullable: false),
                Intro = table.Column<string>(type: "TEXT", nullable: true),
                OpensAt = table.Column<string>(type: "TEXT", nullable: true),
                ClosesAt = table.Column<string>(type: "TEXT", nullable: true),
                Capacity = table.Column<long>(type: "INTEGER", nullable: true),
                AskPhone = table.Column<string>(type: "TEXT", nullable: false),
                Questions = table.Column<string>(type: "TEXT", nullable: false),
                LiveCodeId = table.Column<long>(type: "INTEGER", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SignupForms", x => x.Id);
                table.ForeignKey("FK_SignupForms_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SignupForms_LiveCodes_LiveCodeId", x => x.LiveCodeId, "LiveCodes", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ActivitySignups",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ActivityId = table.Column<long>(type: "INTEGER", nullable: false),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Phone = table.Column<string>(type: "TEXT", nullable: true),
                Answers = table.Column<string>(type: "TEXT", nullable: false),
                ChannelKey = table.Column<string>(type: "TEXT", nullable: true),
                ChannelId = table.Column<long>(type: "INTEGER", nullable: true),
                CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                CreatedByName = table.Column<string>(type: "TEXT", nullable: true),
                CheckedInAt = table.Column<string>(type: "TEXT", nullable: true),
                CheckedInById = table.Column<string>(type: "TEXT", nullable: true),
                CheckedInByName = table.Column<string>(type: "TEXT", nullable: true),
                CompletedAt = table.Column<string>(type: "TEXT", nullable: true),
                CompletedById = table.Column<string>(type: "TEXT", nullable: true),
                CompletedByName = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivitySignups", x => x.Id);
                // Sign-ups are facts: an activity that has them cannot be deleted (archive it).
                table.ForeignKey("FK_ActivitySignups_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ActivitySignups_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ActivitySignups_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ActivitySignups_ActivityId_MemberId", "ActivitySignups", new[] { "ActivityId", "MemberId" }, unique: true);
        migrationBuilder.CreateIndex("IX_ActivitySignups_ChannelId", "ActivitySignups", "ChannelId");
        migrationBuilder.CreateIndex("IX_ActivitySignups_MemberId_CreatedAt", "ActivitySignups", new[] { "MemberId", "CreatedAt" });
        migrationBuilder.CreateIndex("IX_SignupForms_ActivityId", "SignupForms", "ActivityId", unique: true);
        migrationBuilder.CreateIndex("IX_SignupForms_LiveCodeId", "SignupForms", "LiveCodeId");
        migrationBuilder.CreateIndex("IX_SignupForms_Slug", "SignupForms", "Slug", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ActivitySignups");
        migrationBuilder.DropTable(name: "SignupForms");
    }
}
