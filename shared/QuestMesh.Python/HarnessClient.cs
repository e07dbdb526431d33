using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Environments;
using QuestMesh.Python.Sandboxing;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Python;

/// <summary>
/// Runs one harness command (<c>python -I</c> with the harness bootstrapped, then <c>&lt;command&gt;</c>) with a JSON request on
/// standard input and reads its JSON reply. Commands that run project or test code run in the
/// <see cref="Sandbox"/> on the step's workspace; the others (analyze, static, patch) only parse text and
/// run outside it, in a private empty folder.
/// </summary>
public sealed class HarnessClient(
    PythonEnvironment python,
    ProcessRunner runner,
    Sandbox sandbox,
    WorkspaceRuntimes runtimes,
    IOptions<PythonOptions> options,
    ILogger<HarnessClient> logger)
{
    public const int FormatVersion = 1;

    /// <summary>
    /// Isolated mode (<c>-I</c>) keeps the working directory, <c>PYTHON*</c> variables and the user's site
    /// off <c>sys.path</c>; the harness is put there by hand. The project reaches <c>sys.path</c> only inside
    /// the sandboxed commands that import it, through the harness itself.
    /// </summary>
    private const string Bootstrap =
        "import sys; sys.path.insert(0, sys.argv.pop(1)); from questmesh_harness.cli import main; sys.exit(main(sys.argv[1:]))";

    /// <summary>Commands that import or run the project's code or generated tests: untrusted.</summary>
    private static readonly HashSet<string> RunsProjectCode = ["execute", "mutate", "explore", "measure", "install"];

    /// <param name="workspace">
    /// The step's copy of the project, for the commands that run project code (by the Python of the workspace's
    /// dependency environment when it has one); ignored by the others.
    /// </param>
    public Task<TReply> RunAsync<TReply>(string command, object request, string? workspace,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunAsync<TReply>(command, request, workspace,
            RunsProjectCode.Contains(command) ? runtimes.For(workspace) ?? HarnessRuntime.Default : HarnessRuntime.Default, timeout, cancellationToken);

    /// <summary>A command that runs project code, in the sandbox that <paramref name="runtime"/> describes.</summary>
    public async Task<TReply> RunAsync<TReply>(string command, object request, string? workspace, HarnessRuntime runtime,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var sandboxed = RunsProjectCode.Contains(command);
        if (sandboxed && string.IsNullOrEmpty(workspace))
            throw new ArgumentException($"harness '{command}' runs project code and needs the step's workspace", nameof(workspace));
        if (!sandboxed && !ReferenceEquals(runtime, HarnessRuntime.Default))
            throw new ArgumentException($"harness '{command}' only reads text and always runs on the worker's own Python", nameof(runtime));
        using var activity = QuestMeshTelemetry.Source.StartActivity($"harness {command}");
        activity?.SetTag("questmesh.harness.command", command);
        activity?.SetTag("questmesh.harness.sandboxed", sandboxed);
        var started = Stopwatch.GetTimestamp();
        var interpreter = runtime.Interpreter ?? await python.GetInterpreterAsync(cancellationToken);
        var settings = options.Value;
        var home = PrivateFolders.Create(settings, "home");
        try
        {
            var spec = new ProcessSpec
            {
                FileName = interpreter,
                Arguments = ["-I", "-c", Bootstrap, PythonEnvironment.HarnessRoot, command],
                // Commands that only parse text never run where the project is: nothing there is ever imported.
                WorkingDirectory = sandboxed ? workspace! : home,
                Environment = PythonEnvironment.BaseEnvironment(home),
                StandardInput = JsonSerializer.Serialize(request, HarnessJson.Options),
                Timeout = timeout ?? TimeSpan.FromSeconds(settings.TimeoutSeconds),
                MaxOutputChars = settings.MaxOutputChars,
            };
            logger.LogDebug("Harness {Command} in {WorkingDirectory}", command, spec.WorkingDirectory);
            var result = sandboxed
                ? await sandbox.RunAsync(spec, new SandboxScope
                {
                    Workspace = workspace!,
                    Home = home,
                    ReadOnly = [PythonEnvironment.HarnessRoot, PythonEnvironment.InstallRoot(interpreter), .. runtime.ReadOnly],
                    Writable = runtime.Writable,
                    Network = runtime.Network,
                    CpuSeconds = settings.CpuSeconds,
                    MemoryMiB = settings.MemoryMiB,
                }, cancellationToken)
                : await runner.RunAsync(spec, cancellationToken);
            return ReadReply<TReply>(command, result, spec.Timeout);
        }
        finally
        {
            QuestMeshTelemetry.HarnessRan(command, Stopwatch.GetElapsedTime(started).TotalSeconds, sandboxed);
            TryDelete(home);
        }
    }

    internal static TReply ReadReply<TReply>(string command, ProcessResult result, TimeSpan timeout)
    {
        if (result.TimedOut)
            throw new HarnessException($"harness '{command}' exceeded its time limit of {timeout.TotalSeconds:0} s and was killed", timedOut: true);
        JsonObject? reply = null;
        try
        {
            reply = JsonNode.Parse(result.StandardOutput) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (reply is null)
            throw new HarnessException($"harness '{command}' exited with code {result.ExitCode} without a reply: {LastLine(result.StandardError)}",
                output: Tail(result.StandardError));
        var version = reply["meta"]?["format_version"]?.GetValue<int>();
        if (version != FormatVersion)
            throw new HarnessException($"harness '{command}' replied in format {version?.ToString() ?? "(none)"}, expected {FormatVersion}: the harness and the service are from different releases");
        if (reply["error"] is JsonValue error)
            throw new HarnessException(error.ToString(), badRequest: result.ExitCode == 2);
        try
        {
            return reply.Deserialize<TReply>(HarnessJson.Options)
                ?? throw new HarnessException($"harness '{command}' replied with an empty document");
        }
        catch (JsonException shapeError)
        {
            throw new HarnessException($"harness '{command}' replied in a shape this service does not read ({shapeError.Path}): {shapeError.Message}");
        }
    }

    /// <summary>The last line of a process's output: for a Python traceback, the exception and its message.</summary>
    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } line
            ? (line.Length > 500 ? line[..500] + "…" : line)
            : "(no output)";

    private static string Tail(string text, int max = 2000)
    {
        text = text.Trim();
        return text.Length <= max ? (text.Length == 0 ? "(no output)" : text) : "…" + text[^max..];
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
