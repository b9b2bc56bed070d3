using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumourBoard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentItemId",
                table: "meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuorumMinCentres",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumMinDisciplines",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumMinPhysicians",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedAtUtc",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VotingMode",
                table: "meetings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Abstentions",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CentresRepresented",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CurrentSinceUtc",
                table: "agenda_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ElapsedSeconds",
                table: "agenda_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsTie",
                table: "agenda_items",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationConsensus",
                table: "agenda_items",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationDissent",
                table: "agenda_items",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecommendationQuorumMet",
                table: "agenda_items",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationRationale",
                table: "agenda_items",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecommendationRecordedAtUtc",
                table: "agenda_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecommendationRecordedById",
                table: "agenda_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationText",
                table: "agenda_items",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationTrialReferral",
                table: "agenda_items",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecommendedOptionId",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VotesCast",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VotingClosedAtUtc",
                table: "agenda_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VotingOpenedAtUtc",
                table: "agenda_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VotingStatus",
                table: "agenda_items",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WinningOptionId",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "attendances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CentreId = table.Column<int>(type: "integer", nullable: true),
                    Discipline = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeftAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attendances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attendances_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "room_connections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConnectedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_room_connections", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false),
                    VoterId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<int>(type: "integer", nullable: true),
                    OptionId = table.Column<int>(type: "integer", nullable: true),
                    CastAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_votes_AspNetUsers_VoterId",
                        column: x => x.VoterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_votes_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_votes_case_options_OptionId",
                        column: x => x.OptionId,
                        principalTable: "case_options",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendances_MeetingId_UserId",
                table: "attendances",
                columns: new[] { "MeetingId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_attendances_UserId",
                table: "attendances",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_room_connections_LastSeenAtUtc",
                table: "room_connections",
                column: "LastSeenAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_room_connections_MeetingId_UserId",
                table: "room_connections",
                columns: new[] { "MeetingId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_votes_AgendaItemId_VoterId",
                table: "votes",
                columns: new[] { "AgendaItemId", "VoterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_votes_OptionId",
                table: "votes",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_votes_VoterId",
                table: "votes",
                column: "VoterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendances");

            migrationBuilder.DropTable(
                name: "room_connections");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "CurrentItemId",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "QuorumMinCentres",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "QuorumMinDisciplines",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "QuorumMinPhysicians",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "StartedAtUtc",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "VotingMode",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "Abstentions",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "CentresRepresented",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "CurrentSinceUtc",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "ElapsedSeconds",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "IsTie",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationConsensus",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationDissent",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationQuorumMet",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationRationale",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationRecordedAtUtc",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationRecordedById",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationText",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendationTrialReferral",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "RecommendedOptionId",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "VotesCast",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "VotingClosedAtUtc",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "VotingOpenedAtUtc",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "VotingStatus",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "WinningOptionId",
                table: "agenda_items");
        }
    }
}
