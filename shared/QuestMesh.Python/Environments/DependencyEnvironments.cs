using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Environments;

/// <summary>
/// Prepares a project's declared dependencies once per worker and set of requirements: a virtual environment made with
/// <c>python3 -m venv --system-site-packages</c> (so the worker's own packages, the harness's tools among them, stay
/// visible), into which the harness's <c>install</c> puts what is missing, in the sandbox, from the configured index or
/// wheel folder. Kept under <see cref="DependencyOptions.Root"/> in a folder named by a hash of the requirements and
/// the settings, and reused by every later step and run with the same ones; an environment nothing was installed into
/// is not kept (the worker's own Python runs those steps). A preparation that fails as a whole is reported, never
/// thrown: the run goes on with the worker's own Python.
/// </summary>
public sealed class DependencyEnvironments(
    HarnessClient harness,
    ProcessRunner runner,
    PythonEnvironment python,
    TreeCache cache,
    IOptions<DependencyOptions> options,
    IOptions<PythonOptions> pythonOptions,
    TimeProvider clock,
    ILogger<DependencyEnvironments> logger)
{
    private const string RecordFile = "environment.json";
    private const string VenvFolder = "venv";
    /// <summary>A preparation that failed as a whole is tried again by the first step after this long, not by every step.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Lazy<Task<DependencyEnvironment>>> _prepared = new(StringComparer.Ordinal);

    /// <summary>The environment for <paramref name="requirements"/>; null when there are none (nothing changes then).</summary>
    public async Task<DependencyEnvironment?> PrepareAsync(IReadOnlyList<string> requirements, CancellationToken cancellationToken)
    {
        if (requirements.Count == 0)
            return null;
        var interpreter = await python.GetInterpreterAsync(cancellationToken);
        var settings = options.Value;
        var key = Key(requirements, interpreter, settings);
        // One preparation per key in this process, not tied to the first caller's cancellation (others may wait on it).
        var prepared = _prepared.GetOrAdd(key, _ => new Lazy<Task<DependencyEnvironment>>(() => PrepareOnceAsync(key, requirements, interpreter, settings)));
        try
        {
            return await prepared.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (prepared.Value.IsFaulted)
        {
            // Not a problem to report (the sandbox refused to start, say): the next step tries again.
            _prepared.TryRemove(new KeyValuePair<string, Lazy<Task<DependencyEnvironment>>>(key, prepared));
            throw;
        }
    }

    private async Task<DependencyEnvironment> PrepareOnceAsync(string key, IReadOnlyList<string> requirements, string interpreter,
        DependencyOptions settings)
    {
        var folder = Path.Combine(settings.Root, key);
        try
        {
            EnvironmentRecord? built = null;
            await cache.GetOrAddAsync(folder,
                async (temporary, ct) => built = await BuildAsync(temporary, requirements, interpreter, settings, ct), CancellationToken.None);
            var environment = ToEnvironment(folder, key, built ?? ReadRecord(folder));
            if (environment.Folder is null)
            {
                // Nothing was installed: check again next time, since the worker's own packages may change meanwhile.
                Directory.Delete(folder, recursive: true);
            }
            return environment;
        }
        catch (Exception error) when (error is HarnessException or PythonEnvironmentException or IOException or UnauthorizedAccessException
                                          or JsonException)
        {
            logger.LogWarning("Dependencies {Key} could not be prepared: {Reason}", key, error.Message);
            _ = ForgetLaterAsync(key);
            var why = $"the environment could not be prepared: {error.Message}";
            return new DependencyEnvironment
            {
                Key = key,
                Source = SourceOf(settings),
                Problem = why,
                Requirements = requirements.Select(r => new RequirementOutcome { Requirement = r, Status = RequirementOutcome.Failed, Reason = why }).ToList(),
            };
        }
    }

    private async Task ForgetLaterAsync(string key)
    {
        await Task.Delay(RetryAfter, clock);
        _prepared.TryRemove(key, out _);
    }

    private async Task<EnvironmentRecord> BuildAsync(string temporary, IReadOnlyList<string> requirements, string interpreter,
        DependencyOptions settings, CancellationToken cancellationToken)
    {
        if (settings.WheelFolder is { Length: > 0 } wheels && !Directory.Exists(wheels))
            throw new PythonEnvironmentException($"Python:Dependencies:WheelFolder '{wheels}' is not a folder");
        var venv = Path.Combine(temporary, VenvFolder);
        await CreateVenvAsync(interpreter, venv, temporary, cancellationToken);
        var workspace = PrivateFolders.Create(pythonOptions.Value, "install");
        try
        {
            var runtime = new HarnessRuntime
            {
                Interpreter = Path.Combine(venv, "bin", "python"),
                Writable = [venv],
                ReadOnly = settings.WheelFolder is { Length: > 0 } folderOfWheels ? [folderOfWheels] : [],
                Network = settings.IndexUrl is { Length: > 0 },
            };
            var request = new InstallRequest
            {
                Requirements = requirements,
                IndexUrl = NullIfEmpty(settings.IndexUrl),
                FindLinks = NullIfEmpty(settings.WheelFolder),
                OnlyBinary = settings.OnlyBinary,
            };
            logger.LogInformation("Installing {Count} declared requirements from {Source}", requirements.Count, SourceOf(settings));
            var reply = await harness.InstallAsync(workspace, request, runtime, TimeSpan.FromSeconds(settings.InstallTimeoutSeconds), cancellationToken);
            if (reply.Installed.Count == 0)
                Directory.Delete(venv, recursive: true);
            var record = new EnvironmentRecord(SourceOf(settings), reply.Requirements, reply.Installed, reply.Pip.Log);
            File.WriteAllText(Path.Combine(temporary, RecordFile), JsonSerializer.Serialize(record, HarnessJson.Options));
            return record;
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private async Task CreateVenvAsync(string interpreter, string venv, string home, CancellationToken cancellationToken)
    {
        // Trusted: venv only makes folders and links; nothing of the project runs here.
        var result = await runner.RunAsync(new ProcessSpec
        {
            FileName = interpreter,
            Arguments = ["-I", "-m", "venv", "--system-site-packages", "--without-pip", venv],
            WorkingDirectory = home,
            Environment = PythonEnvironment.BaseEnvironment(home),
            Timeout = TimeSpan.FromSeconds(120),
        }, cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(venv, "bin", "python")))
            throw new PythonEnvironmentException(
                $"'{interpreter} -m venv' failed (exit {result.ExitCode}: {result.StandardError.Trim()}); install python3-venv and python3-pip");
    }

    private static EnvironmentRecord ReadRecord(string folder) =>
        JsonSerializer.Deserialize<EnvironmentRecord>(File.ReadAllText(Path.Combine(folder, RecordFile)), HarnessJson.Options)
        ?? throw new JsonException($"{Path.Combine(folder, RecordFile)} is empty");

    private static DependencyEnvironment ToEnvironment(string folder, string key, EnvironmentRecord record)
    {
        var venv = Path.Combine(folder, VenvFolder);
        return new DependencyEnvironment
        {
            Key = key,
            Folder = Directory.Exists(venv) ? venv : null,
            Source = record.Source,
            Requirements = record.Requirements,
            Installed = record.Installed,
            PipLog = record.PipLog,
        };
    }

    /// <summary>Names the environment: the requirements, the settings that decide what gets installed, and the interpreter.</summary>
    internal static string Key(IReadOnlyList<string> requirements, string interpreter, DependencyOptions settings)
    {
        var text = new StringBuilder("questmesh-environment-1\n");
        text.AppendLine(interpreter).AppendLine(settings.IndexUrl).AppendLine(settings.WheelFolder).AppendLine(settings.OnlyBinary.ToString());
        if (settings.WheelFolder is { Length: > 0 } wheels && Directory.Exists(wheels))
        {
            foreach (var file in Directory.EnumerateFiles(wheels).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                text.AppendLine(CultureInfo.InvariantCulture, $"{info.Name} {info.Length} {info.LastWriteTimeUtc.Ticks}");
            }
        }
        foreach (var requirement in requirements.Distinct().Order(StringComparer.Ordinal))
            text.AppendLine(requirement);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static string SourceOf(DependencyOptions settings)
    {
        var places = new List<string>();
        if (settings.IndexUrl is { Length: > 0 } index)
            places.Add($"the index {GitCli.Redact(index)}");
        if (settings.WheelFolder is { Length: > 0 } wheels)
            places.Add($"the wheel folder {wheels}");
        return places.Count > 0
            ? string.Join(" and ", places)
            : "nowhere: neither Python:Dependencies:IndexUrl nor Python:Dependencies:WheelFolder is set";
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>What <c>environment.json</c> keeps beside the environment.</summary>
    private sealed record EnvironmentRecord(string Source, IReadOnlyList<RequirementOutcome> Requirements, IReadOnlyList<string> Installed, string PipLog);
}
