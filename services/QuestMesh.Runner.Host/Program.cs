using QuestMesh.Runner;
using QuestMesh.ServiceDefaults;

// questmesh-runner: executes suites with branch coverage and mutation testing (ExecuteTests); run as many as the queue needs.
var builder = QuestMeshHost.CreateBuilder(args, "runner");
builder.AddServiceDefaults().AddRunner().AddQuestMeshBus();
builder.Build().MapDefaultEndpoints().Run();
