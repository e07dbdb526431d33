using QuestMesh.Fixer;
using QuestMesh.ServiceDefaults;

// questmesh-fixer: repairs failing tests (FixTests).
var builder = QuestMeshHost.CreateBuilder(args, "fixer");
builder.AddServiceDefaults().AddFixer().AddQuestMeshBus();
builder.Build().MapDefaultEndpoints().Run();
