using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.Orchestrator.Persistence.Tasks;

/// <summary>The task API's tasks (table <c>tasks</c>), indexed by creation time for the retention sweep.</summary>
public sealed class TaskRecordMap : IEntityTypeConfiguration<TaskRecord>
{
    public void Configure(EntityTypeBuilder<TaskRecord> task)
    {
        task.ToTable("tasks");
        task.HasKey(t => t.TaskId);
        task.Property(t => t.TaskId).HasColumnName("task_id").ValueGeneratedNever();
        task.Property(t => t.Tenant).HasColumnName("tenant").HasMaxLength(128);
        task.Property(t => t.Kind).HasColumnName("kind").HasMaxLength(32);
        task.Property(t => t.Status).HasColumnName("status").HasMaxLength(16);
        task.Property(t => t.CreatedAt).HasColumnName("created_at");
        task.Property(t => t.UpdatedAt).HasColumnName("updated_at");
        task.Property(t => t.ResultJson).HasColumnName("result_json");
        task.Property(t => t.Error).HasColumnName("error");
        task.HasIndex(t => t.CreatedAt);
    }
}
