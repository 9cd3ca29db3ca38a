-- The SQL the release before ADR 024 ran on a new database: its 8 hand-written migrations, written out with
-- `dotnet ef migrations script` on commit e7073a4, before they were replaced. Frozen: never edit.
-- Database.Migrate() also leaves EF's lock table behind; it is created at the end, as Migrate() does.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "ApiKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "Themes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Themes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "IsArchived" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Series" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Series" PRIMARY KEY AUTOINCREMENT,
    "ThemeId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "IsArchived" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Series_Themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "Themes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Activities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Activities" PRIMARY KEY AUTOINCREMENT,
    "SeriesId" INTEGER NOT NULL,
    "PeriodNo" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Activities_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Groups" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Tier" TEXT NOT NULL,
    "Lifetime" TEXT NOT NULL,
    "OwnerId" TEXT NULL,
    "Capacity" INTEGER NOT NULL,
    "MemberCount" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAt" TEXT NULL,
    "Rules" TEXT NOT NULL,
    "Announcement" TEXT NULL,
    "WelcomeMessage" TEXT NULL,
    "Labels" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Groups_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Groups_AspNetUsers_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "IX_Activities_SeriesId_Name" ON "Activities" ("SeriesId", "Name");

CREATE UNIQUE INDEX "IX_Activities_SeriesId_PeriodNo" ON "Activities" ("SeriesId", "PeriodNo");

CREATE UNIQUE INDEX "IX_ApiKeys_KeyHash" ON "ApiKeys" ("KeyHash");

CREATE UNIQUE INDEX "IX_ApiKeys_Name" ON "ApiKeys" ("Name");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_Groups_ActivityId_Name" ON "Groups" ("ActivityId", "Name");

CREATE INDEX "IX_Groups_OwnerId" ON "Groups" ("OwnerId");

CREATE UNIQUE INDEX "IX_Groups_StandaloneName" ON "Groups" ("Name") WHERE "ActivityId" IS NULL;

CREATE INDEX "IX_Groups_Status" ON "Groups" ("Status");

CREATE UNIQUE INDEX "IX_Series_ThemeId_Name" ON "Series" ("ThemeId", "Name");

CREATE UNIQUE INDEX "IX_Themes_Name" ON "Themes" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "GroupQrs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupQrs" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "Image" BLOB NOT NULL,
    "ImageContentType" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UploadedById" TEXT NULL,
    "ReplacedAt" TEXT NULL,
    CONSTRAINT "FK_GroupQrs_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_GroupQrs_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_GroupQrs_Current" ON "GroupQrs" ("GroupId") WHERE "ReplacedAt" IS NULL;

CREATE INDEX "IX_GroupQrs_GroupId_UploadedAt" ON "GroupQrs" ("GroupId", "UploadedAt");

CREATE INDEX "IX_GroupQrs_UploadedById" ON "GroupQrs" ("UploadedById");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122130000_GroupQrs', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Channels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Channels" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Cost" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "LiveCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LiveCodes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "DefaultThreshold" INTEGER NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "IsPaused" INTEGER NOT NULL,
    "FallbackMessage" TEXT NULL,
    "FallbackImage" BLOB NULL,
    "FallbackImageContentType" TEXT NULL,
    "LandingTitle" TEXT NULL,
    "LandingText" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "ChannelCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChannelCodes" PRIMARY KEY AUTOINCREMENT,
    "LiveCodeId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ChannelCodes_Channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "Channels" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChannelCodes_LiveCodes_LiveCodeId" FOREIGN KEY ("LiveCodeId") REFERENCES "LiveCodes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LiveCodePoolEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LiveCodePoolEntries" PRIMARY KEY AUTOINCREMENT,
    "LiveCodeId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Threshold" INTEGER NULL,
    CONSTRAINT "FK_LiveCodePoolEntries_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LiveCodePoolEntries_LiveCodes_LiveCodeId" FOREIGN KEY ("LiveCodeId") REFERENCES "LiveCodes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Scans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Scans" PRIMARY KEY AUTOINCREMENT,
    "LiveCodeId" INTEGER NOT NULL,
    "ChannelCodeId" INTEGER NULL,
    "GroupId" INTEGER NULL,
    "VisitorKey" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Client" TEXT NOT NULL,
    "UserAgent" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_Scans_ChannelCodes_ChannelCodeId" FOREIGN KEY ("ChannelCodeId") REFERENCES "ChannelCodes" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Scans_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Scans_LiveCodes_LiveCodeId" FOREIGN KEY ("LiveCodeId") REFERENCES "LiveCodes" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ChannelCodes_ChannelId" ON "ChannelCodes" ("ChannelId");

CREATE UNIQUE INDEX "IX_ChannelCodes_Key" ON "ChannelCodes" ("Key");

CREATE UNIQUE INDEX "IX_ChannelCodes_LiveCodeId_ChannelId" ON "ChannelCodes" ("LiveCodeId", "ChannelId");

CREATE UNIQUE INDEX "IX_Channels_Name" ON "Channels" ("Name");

CREATE INDEX "IX_LiveCodePoolEntries_GroupId" ON "LiveCodePoolEntries" ("GroupId");

CREATE UNIQUE INDEX "IX_LiveCodePoolEntries_LiveCodeId_GroupId" ON "LiveCodePoolEntries" ("LiveCodeId", "GroupId");

CREATE UNIQUE INDEX "IX_LiveCodes_Slug" ON "LiveCodes" ("Slug");

CREATE INDEX "IX_Scans_ChannelCodeId" ON "Scans" ("ChannelCodeId");

CREATE INDEX "IX_Scans_GroupId" ON "Scans" ("GroupId");

CREATE INDEX "IX_Scans_LiveCodeId_At" ON "Scans" ("LiveCodeId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122140000_LiveCodes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "MemberNumberCounters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MemberNumberCounters" PRIMARY KEY,
    "LastIssued" INTEGER NOT NULL
);

INSERT INTO "MemberNumberCounters" ("Id", "LastIssued")
VALUES (1, 10000);
SELECT changes();


CREATE TABLE "TagGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TagGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AutoKey" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "Members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY AUTOINCREMENT,
    "MemberNo" INTEGER NOT NULL,
    "UnionId" TEXT NULL,
    "Nickname" TEXT NOT NULL,
    "RemarkName" TEXT NULL,
    "Phone" TEXT NULL,
    "Gender" TEXT NOT NULL,
    "Region" TEXT NULL,
    "FirstChannelId" INTEGER NULL,
    "GrowthLevel" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "BlacklistReason" TEXT NULL,
    "BlacklistedById" TEXT NULL,
    "BlacklistedByName" TEXT NULL,
    "BlacklistedAt" TEXT NULL,
    "CreatedById" TEXT NULL,
    "CreatedByName" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Members_Channels_FirstChannelId" FOREIGN KEY ("FirstChannelId") REFERENCES "Channels" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "TagGroupId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Colour" TEXT NOT NULL,
    "AutoKey" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Tags_TagGroups_TagGroupId" FOREIGN KEY ("TagGroupId") REFERENCES "TagGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MemberEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MemberEvents" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NULL,
    "TagId" INTEGER NULL,
    "GroupId" INTEGER NULL,
    "ActivityId" INTEGER NULL,
    "ScanId" INTEGER NULL,
    "Amount" TEXT NULL,
    "Detail" TEXT NULL,
    "Source" TEXT NULL,
    "ClientEventId" TEXT NULL,
    CONSTRAINT "FK_MemberEvents_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRecords" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NULL,
    "EditedById" TEXT NULL,
    "EditedByName" TEXT NULL,
    "EditedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ServiceRecords_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MemberTags" (
    "MemberId" INTEGER NOT NULL,
    "TagId" INTEGER NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedById" TEXT NULL,
    "AddedByName" TEXT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "PK_MemberTags" PRIMARY KEY ("MemberId", "TagId"),
    CONSTRAINT "FK_MemberTags_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MemberTags_Tags_TagId" FOREIGN KEY ("TagId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRecordRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRecordRevisions" PRIMARY KEY AUTOINCREMENT,
    "ServiceRecordId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "WrittenById" TEXT NULL,
    "WrittenByName" TEXT NULL,
    "WrittenAt" TEXT NOT NULL,
    "ReplacedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ServiceRecordRevisions_ServiceRecords_ServiceRecordId" FOREIGN KEY ("ServiceRecordId") REFERENCES "ServiceRecords" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GroupMemberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupMemberships" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "JoinedAt" TEXT NOT NULL,
    "LeftAt" TEXT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "FK_GroupMemberships_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GroupMemberships_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_GroupMemberships_MemberId_JoinedAt" ON "GroupMemberships" ("MemberId", "JoinedAt");

CREATE UNIQUE INDEX "IX_GroupMemberships_Open" ON "GroupMemberships" ("MemberId", "GroupId") WHERE "LeftAt" IS NULL;

CREATE INDEX "IX_GroupMemberships_OpenByGroup" ON "GroupMemberships" ("GroupId", "MemberId") WHERE "LeftAt" IS NULL;

CREATE INDEX "IX_MemberEvents_MemberId_At" ON "MemberEvents" ("MemberId", "At");

CREATE UNIQUE INDEX "IX_MemberEvents_Source_ClientEventId" ON "MemberEvents" ("Source", "ClientEventId") WHERE "ClientEventId" IS NOT NULL;

CREATE INDEX "IX_Members_CreatedAt" ON "Members" ("CreatedAt");

CREATE INDEX "IX_Members_FirstChannelId_MemberNo" ON "Members" ("FirstChannelId", "MemberNo");

CREATE INDEX "IX_Members_GrowthLevel_MemberNo" ON "Members" ("GrowthLevel", "MemberNo");

CREATE UNIQUE INDEX "IX_Members_MemberNo" ON "Members" ("MemberNo");

CREATE UNIQUE INDEX "IX_Members_Phone" ON "Members" ("Phone") WHERE "Phone" IS NOT NULL;

CREATE INDEX "IX_Members_Status_MemberNo" ON "Members" ("Status", "MemberNo");

CREATE UNIQUE INDEX "IX_Members_UnionId" ON "Members" ("UnionId") WHERE "UnionId" IS NOT NULL;

CREATE INDEX "IX_MemberTags_TagId_MemberId" ON "MemberTags" ("TagId", "MemberId");

CREATE INDEX "IX_ServiceRecordRevisions_ServiceRecordId" ON "ServiceRecordRevisions" ("ServiceRecordId");

CREATE INDEX "IX_ServiceRecords_MemberId_CreatedAt" ON "ServiceRecords" ("MemberId", "CreatedAt");

CREATE UNIQUE INDEX "IX_TagGroups_AutoKey" ON "TagGroups" ("AutoKey") WHERE "AutoKey" IS NOT NULL;

CREATE UNIQUE INDEX "IX_TagGroups_Name" ON "TagGroups" ("Name");

CREATE UNIQUE INDEX "IX_Tags_AutoKey" ON "Tags" ("AutoKey") WHERE "AutoKey" IS NOT NULL;

CREATE UNIQUE INDEX "IX_Tags_TagGroupId_Name" ON "Tags" ("TagGroupId", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122160000_Members', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "MemberSegments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MemberSegments" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "FilterJson" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "CreatedByName" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_MemberSegments_Name" ON "MemberSegments" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122170000_Segments', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SignupForms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignupForms" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Intro" TEXT NULL,
    "OpensAt" TEXT NULL,
    "ClosesAt" TEXT NULL,
    "Capacity" INTEGER NULL,
    "AskPhone" TEXT NOT NULL,
    "Questions" TEXT NOT NULL,
    "LiveCodeId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SignupForms_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SignupForms_LiveCodes_LiveCodeId" FOREIGN KEY ("LiveCodeId") REFERENCES "LiveCodes" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ActivitySignups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActivitySignups" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Answers" TEXT NOT NULL,
    "ChannelKey" TEXT NULL,
    "ChannelId" INTEGER NULL,
    "CreatedById" TEXT NULL,
    "CreatedByName" TEXT NULL,
    "CheckedInAt" TEXT NULL,
    "CheckedInById" TEXT NULL,
    "CheckedInByName" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "CompletedById" TEXT NULL,
    "CompletedByName" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ActivitySignups_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActivitySignups_Channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "Channels" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ActivitySignups_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ActivitySignups_ActivityId_MemberId" ON "ActivitySignups" ("ActivityId", "MemberId");

CREATE INDEX "IX_ActivitySignups_ChannelId" ON "ActivitySignups" ("ChannelId");

CREATE INDEX "IX_ActivitySignups_MemberId_CreatedAt" ON "ActivitySignups" ("MemberId", "CreatedAt");

CREATE UNIQUE INDEX "IX_SignupForms_ActivityId" ON "SignupForms" ("ActivityId");

CREATE INDEX "IX_SignupForms_LiveCodeId" ON "SignupForms" ("LiveCodeId");

CREATE UNIQUE INDEX "IX_SignupForms_Slug" ON "SignupForms" ("Slug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122171000_Signups', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "EventReceipts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EventReceipts" PRIMARY KEY AUTOINCREMENT,
    "Source" TEXT NOT NULL,
    "ClientEventId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "ReceivedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_EventReceipts_Source_ClientEventId" ON "EventReceipts" ("Source", "ClientEventId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122172000_EventReceipts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Scans" ADD "MemberId" INTEGER NULL;

CREATE INDEX "IX_Scans_MemberId_At" ON "Scans" ("MemberId", "At");

CREATE INDEX "IX_Scans_VisitorKey" ON "Scans" ("VisitorKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122180000_ScanMembers', '10.0.15');

COMMIT;


CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
