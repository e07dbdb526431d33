using QuestMesh.StaticAnalysis;
using QuestMesh.ServiceDefaults;

// questmesh-static-analysis: lints suites and rates their pre-execution reliability (AnalyzeTests).
var builder = QuestMeshHost.CreateBuilder(args, "static-analysis");
builder.AddServiceDefaults().AddStaticAnalysis().AddQuestMeshBus();
builder.Build().MapDefaultEndpoints().Run();
