using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuestMesh.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunPossibleBugs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PossibleBugs",
                table: "runs",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PossibleBugs",
                table: "runs");
        }
    }
}
