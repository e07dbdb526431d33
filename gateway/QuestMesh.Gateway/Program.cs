using QuestMesh.Gateway;
using QuestMesh.ServiceDefaults;

// The gateway in front of the orchestrator's HTTP API: API keys → tenants, rate limits, size limits, YARP.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("QUESTMESH_");
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
