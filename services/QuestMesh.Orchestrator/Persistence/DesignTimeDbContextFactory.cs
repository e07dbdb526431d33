using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QuestMesh.Orchestrator.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>, which needs the model, not a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql("Host=localhost;Database=questmesh").Options);
}
