using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Persistence.Artifacts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Persistence;

/// <summary>The orchestrator's database (distributed mode): the run saga's rows and the runs' artifacts.</summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<RunState> Runs => Set<RunState>();
    public DbSet<StoredArtifact> Artifacts => Set<StoredArtifact>();
    public DbSet<StoredArtifactLine> ArtifactLines => Set<StoredArtifactLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new RunStateMap());
        modelBuilder.ApplyConfiguration(new StoredArtifactMap());
        modelBuilder.ApplyConfiguration(new StoredArtifactLineMap());
    }
}
