using QuestMesh.Supervisor;
using QuestMesh.ServiceDefaults;

// questmesh-supervisor: critiques each attempt (CritiqueAttempt).
var builder = QuestMeshHost.CreateBuilder(args, "supervisor");
builder.AddServiceDefaults().AddSupervisor().AddQuestMeshBus();
builder.Build().MapDefaultEndpoints().Run();
