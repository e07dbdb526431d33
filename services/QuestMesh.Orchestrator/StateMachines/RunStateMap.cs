using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuestMesh.Orchestrator.Persistence;

namespace QuestMesh.Orchestrator.StateMachines;

/// <summary>
/// How a run's state is stored (distributed mode): one row per run, figures and ids as columns,
/// structured members (settings, figures, document references) as <c>jsonb</c>, and PostgreSQL's <c>xmin</c> as the optimistic concurrency token.
/// </summary>
public sealed class RunStateMap : IEntityTypeConfiguration<RunState>
{
    public void Configure(EntityTypeBuilder<RunState> run)
    {
        run.ToTable("runs");
        run.HasKey(r => r.CorrelationId);
        run.Property(r => r.CorrelationId).ValueGeneratedNever();
        run.Property(r => r.RowVersion).IsRowVersion();
        run.Property(r => r.CurrentState).HasMaxLength(64);
        run.Property(r => r.Tenant).HasMaxLength(128);
        run.Property(r => r.TargetFile).HasMaxLength(1024);
        run.Property(r => r.Status).HasMaxLength(128);
        run.Property(r => r.TerminationReason).HasMaxLength(256);
        run.Property(r => r.Route).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.CurrentSuiteFile).HasMaxLength(1024);
        run.Property(r => r.BestSuiteFile).HasMaxLength(1024);

        // Replaced whole, never changed in place: compared by value.
        run.Property(r => r.Source).AsJsonValueColumn();
        run.Property(r => r.Settings).AsJsonValueColumn();
        run.Property(r => r.CurrentSuite).AsJsonValueColumn();
        run.Property(r => r.CurrentMetadata).AsJsonValueColumn();
        run.Property(r => r.BestSuite).AsJsonValueColumn();
        run.Property(r => r.BestCritique).AsJsonValueColumn();
        run.Property(r => r.LastCritique).AsJsonValueColumn();
        run.Property(r => r.PendingStatic).AsJsonValueColumn();
        run.Property(r => r.PendingPreReliability).AsJsonValueColumn();
        run.Property(r => r.PendingExecution).AsJsonValueColumn();
        // Changed in place (an attempt's figures added, a total raised): compared by their JSON.
        run.Property(r => r.Attempts).AsJsonColumn();
        run.Property(r => r.Totals).AsJsonColumn();
        run.Property(r => r.AttemptMetrics).AsJsonColumn();
        run.Property(r => r.FixRounds).AsJsonColumn();
        run.Property(r => r.PossibleBugs).AsJsonColumn();
        run.Property(r => r.PassingSuites).AsJsonColumn();
        run.Property(r => r.Contributions).AsJsonColumn();
        run.Property(r => r.FinalSuite).AsJsonValueColumn();
        run.Property(r => r.FinalFigures).AsJsonValueColumn();

        run.HasIndex(r => r.StepDeadline);
        run.HasIndex(r => new { r.Tenant, r.SubmittedAt });
    }
}
