using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumourBoard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MocCompliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MocRules",
                table: "meetings",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RizivNumber",
                table: "AspNetUsers",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agenda_item_discussions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_item_discussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agenda_item_discussions_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moc_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moc_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RizivNumber",
                table: "AspNetUsers",
                column: "RizivNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agenda_item_discussions_AgendaItemId",
                table: "agenda_item_discussions",
                column: "AgendaItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_item_discussions");

            migrationBuilder.DropTable(
                name: "moc_settings");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RizivNumber",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MocRules",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "RizivNumber",
                table: "AspNetUsers");
        }
    }
}
