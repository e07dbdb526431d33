using QuestMesh.Gateway;
using QuestMesh.ServiceDefaults;

// questmesh-gateway: the one door in front of the orchestrator's HTTP API — API keys mapped to tenants,
// rate and size limits, YARP routes from appsettings.json next to the assembly (QUESTMESH_ variables
// and the command line override it).
var builder = QuestMeshHost.CreateBuilder(args, "gateway");
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
