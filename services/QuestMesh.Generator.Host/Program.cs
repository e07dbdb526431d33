using QuestMesh.Generator;
using QuestMesh.ServiceDefaults;

// questmesh-generator: writes and enhances suites (GenerateTests, EnhanceTests).
var builder = QuestMeshHost.CreateBuilder(args, "generator");
builder.AddServiceDefaults().AddGenerator().AddQuestMeshBus();
builder.Build().MapDefaultEndpoints().Run();
