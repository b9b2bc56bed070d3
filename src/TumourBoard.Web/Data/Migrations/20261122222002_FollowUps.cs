using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumourBoard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Milestone",
                table: "notifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    CentreId = table.Column<int>(type: "integer", nullable: false),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false),
                    DiscussedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TrialReferral = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsComplete = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_ups_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_ups_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_ups_centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowUpId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Response = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReportedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_up_entries_AspNetUsers_ReportedById",
                        column: x => x.ReportedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_up_entries_follow_ups_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "follow_ups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_CaseId",
                table: "notifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Kind_CaseId_Milestone",
                table: "notifications",
                columns: new[] { "Kind", "CaseId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_entries_FollowUpId_Sequence",
                table: "follow_up_entries",
                columns: new[] { "FollowUpId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_entries_ReportedAtUtc",
                table: "follow_up_entries",
                column: "ReportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_entries_ReportedById",
                table: "follow_up_entries",
                column: "ReportedById");

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_AgendaItemId",
                table: "follow_ups",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_CaseId",
                table: "follow_ups",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_CentreId_IsComplete",
                table: "follow_ups",
                columns: new[] { "CentreId", "IsComplete" });

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_cases_CaseId",
                table: "notifications",
                column: "CaseId",
                principalTable: "cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Nothing reported is ever lost: a correction adds an entry, and the database refuses to change or remove one.
            migrationBuilder.Sql("""
                CREATE FUNCTION follow_up_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'follow_up_entries is append-only: % refused', TG_OP;
                END $$;
                CREATE TRIGGER follow_up_entries_no_update_delete BEFORE UPDATE OR DELETE ON follow_up_entries
                    FOR EACH ROW EXECUTE FUNCTION follow_up_entries_append_only();
                CREATE TRIGGER follow_up_entries_no_truncate BEFORE TRUNCATE ON follow_up_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION follow_up_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS follow_up_entries_no_update_delete ON follow_up_entries; DROP TRIGGER IF EXISTS follow_up_entries_no_truncate ON follow_up_entries; DROP FUNCTION IF EXISTS follow_up_entries_append_only();");

            migrationBuilder.DropForeignKey(
                name: "FK_notifications_cases_CaseId",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "follow_up_entries");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropIndex(
                name: "IX_notifications_CaseId",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_Kind_CaseId_Milestone",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "Milestone",
                table: "notifications");
        }
    }
}
