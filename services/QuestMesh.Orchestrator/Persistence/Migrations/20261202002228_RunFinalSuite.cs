using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuestMesh.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunFinalSuite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contributions",
                table: "runs",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "FinalDropped",
                table: "runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FinalFigures",
                table: "runs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FinalNote",
                table: "runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FinalSuite",
                table: "runs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FinalizeStepId",
                table: "runs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassingSuites",
                table: "runs",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Contributions",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "FinalDropped",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "FinalFigures",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "FinalNote",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "FinalSuite",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "FinalizeStepId",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "PassingSuites",
                table: "runs");
        }
    }
}
