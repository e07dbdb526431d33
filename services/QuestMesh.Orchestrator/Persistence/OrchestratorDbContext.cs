using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Persistence.Artifacts;
using QuestMesh.Orchestrator.Persistence.Tasks;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.Orchestrator.Persistence;

/// <summary>The orchestrator's database (distributed mode): the run saga's rows, the runs' artifacts and the task API's tasks.</summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<RunState> Runs => Set<RunState>();
    public DbSet<StoredArtifact> Artifacts => Set<StoredArtifact>();
    public DbSet<StoredArtifactLine> ArtifactLines => Set<StoredArtifactLine>();
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();

    /// <summary>Artifact writes of the saga message handled on this context; saving sends them first, in one round trip.</summary>
    public ArtifactWrites PendingArtifacts { get; } = new();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await PendingArtifacts.SendAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => PendingArtifacts.IsEmpty
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new InvalidOperationException("Pending artifact writes are sent by SaveChangesAsync only.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new RunStateMap());
        modelBuilder.ApplyConfiguration(new StoredArtifactMap());
        modelBuilder.ApplyConfiguration(new StoredArtifactLineMap());
        modelBuilder.ApplyConfiguration(new TaskRecordMap());
    }
}
