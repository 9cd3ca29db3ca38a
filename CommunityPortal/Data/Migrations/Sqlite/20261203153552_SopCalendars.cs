using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SopCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SopFeedTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopFeedTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopFeedTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SopPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsTemplate = table.Column<bool>(type: "INTEGER", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SopAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Lifetime = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopAssignments_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SopAssignments_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SopAssignments_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SopAssignments_SopPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SopPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SopPlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopPlanVersions_SopPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SopPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SopTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccursOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ImageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 306, nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopTasks_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SopTasks_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SopTasks_SopPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SopPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SopSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeOfDay = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    DayOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ImageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssigneeMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopSteps_SopPlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "SopPlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SopAssignments_ActivityId",
                table: "SopAssignments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_SopAssignments_GroupId",
                table: "SopAssignments",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SopAssignments_PlanId_GroupId",
                table: "SopAssignments",
                columns: new[] { "PlanId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_SopAssignments_SeriesId",
                table: "SopAssignments",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_SopFeedTokens_TokenHash",
                table: "SopFeedTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopFeedTokens_UserId",
                table: "SopFeedTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SopPlans_IsTemplate_Status_Name",
                table: "SopPlans",
                columns: new[] { "IsTemplate", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_SopPlans_TemplateKey_Culture",
                table: "SopPlans",
                columns: new[] { "TemplateKey", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopPlanVersions_PlanId_Number",
                table: "SopPlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopSteps_PlanVersionId_Position",
                table: "SopSteps",
                columns: new[] { "PlanVersionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SopTasks_AssigneeId_DueAt",
                table: "SopTasks",
                columns: new[] { "AssigneeId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SopTasks_DueAt_State",
                table: "SopTasks",
                columns: new[] { "DueAt", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SopTasks_GroupId_DueAt",
                table: "SopTasks",
                columns: new[] { "GroupId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SopTasks_PlanId_GroupId_StepKey_OccursOn",
                table: "SopTasks",
                columns: new[] { "PlanId", "GroupId", "StepKey", "OccursOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SopAssignments");

            migrationBuilder.DropTable(
                name: "SopFeedTokens");

            migrationBuilder.DropTable(
                name: "SopSteps");

            migrationBuilder.DropTable(
                name: "SopTasks");

            migrationBuilder.DropTable(
                name: "SopPlanVersions");

            migrationBuilder.DropTable(
                name: "SopPlans");
        }
    }
}
