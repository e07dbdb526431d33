using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Apis;
using QuestMesh.Orchestrator.Dashboard;
using QuestMesh.ServiceDefaults;

// questmesh-orchestrator: the run saga, the runs and task APIs, the dashboard and health, over RabbitMQ with the saga and the
// artifacts in PostgreSQL (appsettings.json; QUESTMESH_ variables and the command line override it).
var builder = QuestMeshHost.CreateBuilder(args, "orchestrator");
builder.AddServiceDefaults();
builder.AddOrchestrator();
builder.AddRunsApi();
builder.AddTasksApi();
builder.AddQuestMeshBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRunsApi();
app.MapTasksApi();
app.MapDashboard();
app.Run();
