using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Python;

/// <summary>
/// Runs one harness command (<c>python -m questmesh_harness &lt;command&gt;</c>) with a JSON request on
/// standard input and reads its JSON reply. Commands that run project or test code run in the
/// <see cref="Sandbox"/>, with the working directory as the only writable project folder.
/// </summary>
public sealed class HarnessClient(
    PythonEnvironment python,
    ProcessRunner runner,
    Sandbox sandbox,
    IOptions<PythonOptions> options,
    ILogger<HarnessClient> logger)
{
    public const int FormatVersion = 1;

    /// <summary>Commands that import or run the project's code or generated tests: untrusted.</summary>
    private static readonly HashSet<string> RunsProjectCode = ["execute", "mutate", "explore"];

    public async Task<TReply> RunAsync<TReply>(string command, object request, string workingDirectory,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var interpreter = await python.GetInterpreterAsync(cancellationToken);
        var settings = options.Value;
        var home = CreateHome(settings);
        try
        {
            var environment = PythonEnvironment.BaseEnvironment(home);
            environment["PYTHONPATH"] = PythonEnvironment.HarnessRoot;
            var spec = new ProcessSpec
            {
                FileName = interpreter,
                Arguments = ["-m", "questmesh_harness", command],
                WorkingDirectory = workingDirectory,
                Environment = environment,
                StandardInput = JsonSerializer.Serialize(request, HarnessJson.Options),
                Timeout = timeout ?? TimeSpan.FromSeconds(settings.TimeoutSeconds),
                MaxOutputChars = settings.MaxOutputChars,
            };
            if (RunsProjectCode.Contains(command))
            {
                spec = await sandbox.WrapAsync(spec, new SandboxScope
                {
                    Writable = [workingDirectory, home],
                    ReadOnly = [PythonEnvironment.HarnessRoot, PythonEnvironment.InstallRoot(interpreter)],
                    CpuSeconds = settings.CpuSeconds,
                    MemoryMiB = settings.MemoryMiB,
                }, cancellationToken);
            }
            logger.LogDebug("Harness {Command} in {WorkingDirectory}", command, workingDirectory);
            var result = await runner.RunAsync(spec, cancellationToken);
            return ReadReply<TReply>(command, result, spec.Timeout);
        }
        finally
        {
            TryDelete(home);
        }
    }

    private static string CreateHome(PythonOptions settings)
    {
        var root = settings.WorkRoot is { Length: > 0 } configured ? configured : Path.GetTempPath();
        var home = Path.Combine(root, $"questmesh-home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        return home;
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
            throw new HarnessException($"harness '{command}' exited with code {result.ExitCode} without a reply: {Tail(result.StandardError)}");
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
