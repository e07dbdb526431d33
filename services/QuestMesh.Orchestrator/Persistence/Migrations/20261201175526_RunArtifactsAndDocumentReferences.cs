using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QuestMesh.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunArtifactsAndDocumentReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BestSuiteFile",
                table: "runs",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentSuiteFile",
                table: "runs",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PendingTestsFailing",
                table: "runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "run_artifact_lines",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    line = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_artifact_lines", x => new { x.run_id, x.name, x.key });
                });

            migrationBuilder.CreateTable(
                name: "run_artifacts",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_artifacts", x => new { x.run_id, x.name });
                });

            migrationBuilder.CreateIndex(
                name: "IX_run_artifact_lines_run_id_name_sequence",
                table: "run_artifact_lines",
                columns: new[] { "run_id", "name", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_artifact_lines");

            migrationBuilder.DropTable(
                name: "run_artifacts");

            migrationBuilder.DropColumn(
                name: "BestSuiteFile",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "CurrentSuiteFile",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "PendingTestsFailing",
                table: "runs");
        }
    }
}
