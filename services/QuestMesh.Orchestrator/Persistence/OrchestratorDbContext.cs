using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Persistence;

/// <summary>The orchestrator's database (distributed mode): the run saga's rows.</summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<RunState> Runs => Set<RunState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new RunStateMap());
}
