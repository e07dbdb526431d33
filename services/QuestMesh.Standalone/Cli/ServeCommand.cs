using System.CommandLine;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary><c>questmesh serve [--urls http://127.0.0.1:PORT]</c>: the HTTP API in one process, until Ctrl-C.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(IAnsiConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen: http://HOST:PORT, several separated by ';' (default {DefaultUrls}; port 0 picks a free one). "
                + "The API has no key or login here, so keep HOST to 127.0.0.1 unless the network around it is yours.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve",
            "Serve the QuestMesh HTTP API from this one process, with every service inside it: no message broker, no database, no API key.\n"
            + "Submit a run with POST /api/runs (Python files inline, a git URL, or a tar.gz uploaded to POST /api/sources), follow it with "
            + "GET /api/runs/{id} or the server-sent events of GET /api/runs/{id}/events, and read what each step left with GET /api/runs/{id}/artifacts. "
            + "The OpenAPI document is at /openapi/v1.json and a reference page at /scalar/v1; /health/live and /health/ready answer for probes.\n"
            + "A web dashboard at /dashboard/ lists the runs and follows each one live: its chart per attempt, suite, critique and artifacts.\n"
            + "Runs are kept in memory and forgotten when the server stops; their artifacts stay on disk under artifacts/runs/<run-id>/ "
            + "(setting Orchestrator:ArtifactsRoot). Settings come from appsettings.json next to questmesh.dll and QUESTMESH_ environment variables. "
            + "Ctrl-C stops the server.\n"
            + "Exit codes: 0 stopped cleanly; 2 bad --urls, or the address is taken; 1 anything else (for example no Python with pytest and coverage).")
        {
            urls,
        };
        command.SetAction((parse, cancellationToken) => ServeExecutor.ExecuteAsync(parse.GetValue(urls) ?? DefaultUrls, console, cancellationToken));
        return command;
    }
}
