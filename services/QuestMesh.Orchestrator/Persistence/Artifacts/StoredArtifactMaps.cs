using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuestMesh.Orchestrator.Persistence.Artifacts;

public sealed class StoredArtifactMap : IEntityTypeConfiguration<StoredArtifact>
{
    public void Configure(EntityTypeBuilder<StoredArtifact> artifact)
    {
        artifact.ToTable("run_artifacts");
        artifact.HasKey(a => new { a.RunId, a.Name });
        artifact.Property(a => a.RunId).HasColumnName("run_id");
        artifact.Property(a => a.Name).HasColumnName("name").HasMaxLength(1024);
        artifact.Property(a => a.Content).HasColumnName("content");
        artifact.Property(a => a.UpdatedAt).HasColumnName("updated_at");
    }
}

public sealed class StoredArtifactLineMap : IEntityTypeConfiguration<StoredArtifactLine>
{
    public void Configure(EntityTypeBuilder<StoredArtifactLine> line)
    {
        line.ToTable("run_artifact_lines");
        line.HasKey(l => new { l.RunId, l.Name, l.Key });
        line.Property(l => l.RunId).HasColumnName("run_id");
        line.Property(l => l.Name).HasColumnName("name").HasMaxLength(1024);
        line.Property(l => l.Key).HasColumnName("key").HasMaxLength(256);
        line.Property(l => l.Line).HasColumnName("line");
        line.Property(l => l.Sequence).HasColumnName("sequence").UseIdentityByDefaultColumn();
        line.HasIndex(l => new { l.RunId, l.Name, l.Sequence });
    }
}
