using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumourBoard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrialCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "MarkerTags",
                table: "cases",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "RecommendationTrialId",
                table: "agenda_items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "trials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EuCtNumber = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: true),
                    NctNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MinAgeInMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxAgeInMonths = table.Column<int>(type: "integer", nullable: false),
                    Iccc3Codes = table.Column<string[]>(type: "text[]", nullable: false),
                    MorphologyCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    Markers = table.Column<string[]>(type: "text[]", nullable: false),
                    SiteCentreIds = table.Column<int[]>(type: "integer[]", nullable: false),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trials", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_items_RecommendationTrialId",
                table: "agenda_items",
                column: "RecommendationTrialId");

            migrationBuilder.CreateIndex(
                name: "IX_trials_EuCtNumber",
                table: "trials",
                column: "EuCtNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trials_NctNumber",
                table: "trials",
                column: "NctNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trials_Status",
                table: "trials",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_agenda_items_trials_RecommendationTrialId",
                table: "agenda_items",
                column: "RecommendationTrialId",
                principalTable: "trials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_agenda_items_trials_RecommendationTrialId",
                table: "agenda_items");

            migrationBuilder.DropTable(
                name: "trials");

            migrationBuilder.DropIndex(
                name: "IX_agenda_items_RecommendationTrialId",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "MarkerTags",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RecommendationTrialId",
                table: "agenda_items");
        }
    }
}
