using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Apis;
using QuestMesh.ServiceDefaults;

// The orchestrator as its own service: the run saga, the runs API and health, over RabbitMQ with the
// saga in PostgreSQL (appsettings.json; QUESTMESH_-prefixed environment variables override it).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("QUESTMESH_");

builder.AddServiceDefaults();
builder.AddOrchestrator();
builder.AddRunsApi();
builder.AddQuestMeshBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRunsApi();

app.Run();
