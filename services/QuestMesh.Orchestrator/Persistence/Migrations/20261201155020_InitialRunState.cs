using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuestMesh.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialRunState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Source = table.Column<string>(type: "jsonb", nullable: false),
                    TargetFile = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Settings = table.Column<string>(type: "jsonb", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    FixRound = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<string>(type: "jsonb", nullable: false),
                    PreviousCoverage = table.Column<double>(type: "double precision", nullable: true),
                    PreviousMutation = table.Column<double>(type: "double precision", nullable: true),
                    BestAttempt = table.Column<int>(type: "integer", nullable: true),
                    BestCoverage = table.Column<double>(type: "double precision", nullable: true),
                    BestMutation = table.Column<double>(type: "double precision", nullable: true),
                    Stagnation = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CurrentSuite = table.Column<string>(type: "jsonb", nullable: true),
                    CurrentMetadata = table.Column<string>(type: "jsonb", nullable: true),
                    BestSuite = table.Column<string>(type: "jsonb", nullable: true),
                    BestCritique = table.Column<string>(type: "jsonb", nullable: true),
                    LastCritique = table.Column<string>(type: "jsonb", nullable: true),
                    GenerateStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    StaticStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExecuteStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    CritiqueStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    FixStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    PendingStatic = table.Column<string>(type: "jsonb", nullable: true),
                    PendingPreReliability = table.Column<string>(type: "jsonb", nullable: true),
                    PendingExecution = table.Column<string>(type: "jsonb", nullable: true),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: true),
                    StepDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepRetries = table.Column<int>(type: "integer", nullable: false),
                    Totals = table.Column<string>(type: "jsonb", nullable: false),
                    AttemptMetrics = table.Column<string>(type: "jsonb", nullable: false),
                    FixRounds = table.Column<string>(type: "jsonb", nullable: false),
                    Status = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StatusDetail = table.Column<string>(type: "text", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.CorrelationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runs_StepDeadline",
                table: "runs",
                column: "StepDeadline");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Tenant_SubmittedAt",
                table: "runs",
                columns: new[] { "Tenant", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "runs");
        }
    }
}
