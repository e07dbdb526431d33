using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python;

/// <summary>
/// Finds the interpreter that runs the harness and probes it once for pytest and coverage, with an
/// error that names what is missing and how to install it.
/// </summary>
public sealed class PythonEnvironment(IOptions<PythonOptions> options, ProcessRunner runner, ILogger<PythonEnvironment> logger)
{
    private static readonly string[] Candidates = ["/usr/bin/python3", "python3"];
    private static readonly string[] Required = ["pytest", "coverage"];
    private readonly SemaphoreSlim _probeLock = new(1, 1);
    private string? _interpreter;

    /// <summary>The folder that holds the <c>questmesh_harness</c> package (shipped next to the assemblies).</summary>
    public static string HarnessRoot => Path.Combine(AppContext.BaseDirectory, "harness");

    /// <summary>The installation an interpreter belongs to (<c>/usr</c> for <c>/usr/bin/python3</c>), which the sandbox must show.</summary>
    public static string InstallRoot(string interpreter)
    {
        var resolved = new FileInfo(interpreter).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? interpreter;
        var bin = Path.GetDirectoryName(resolved) ?? "/usr/bin";
        return Path.GetDirectoryName(bin) ?? "/usr";
    }

    public async Task<string> GetInterpreterAsync(CancellationToken cancellationToken = default)
    {
        if (_interpreter is not null)
            return _interpreter;
        await _probeLock.WaitAsync(cancellationToken);
        try
        {
            return _interpreter ??= await ProbeAsync(cancellationToken);
        }
        finally
        {
            _probeLock.Release();
        }
    }

    private async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Interpreter;
        var candidates = string.IsNullOrWhiteSpace(configured) ? Candidates : [configured];
        var problems = new List<string>();
        foreach (var candidate in candidates)
        {
            var path = Resolve(candidate);
            if (path is null)
            {
                problems.Add($"{candidate}: not found");
                continue;
            }
            var missing = await MissingModulesAsync(path, cancellationToken);
            if (missing.Count == 0)
            {
                logger.LogInformation("Using Python interpreter {Interpreter}", path);
                return path;
            }
            problems.Add($"{path}: no module {string.Join(", ", missing)}");
        }
        var packages = string.Join(' ', Required.Select(m => $"python3-{m}"));
        throw new PythonEnvironmentException(
            $"No Python interpreter with {string.Join(" and ", Required)} was found ({string.Join("; ", problems)}). " +
            $"Install them with 'apt-get install -y python3 {packages}', or set Python:Interpreter " +
            "(environment variable Python__Interpreter) to an interpreter that has them.");
    }

    private async Task<List<string>> MissingModulesAsync(string interpreter, CancellationToken cancellationToken)
    {
        const string script = "import importlib.util, sys\nprint(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))";
        var result = await runner.RunAsync(new ProcessSpec
        {
            FileName = interpreter,
            Arguments = ["-I", "-c", script, .. Required],
            WorkingDirectory = Path.GetTempPath(),
            Environment = BaseEnvironment(Path.GetTempPath()),
            Timeout = TimeSpan.FromSeconds(30),
        }, cancellationToken);
        if (result.ExitCode != 0)
            return [.. Required];
        return result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static string? Resolve(string candidate)
    {
        if (candidate.Contains('/'))
            return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, candidate))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The whole environment of a Python child: nothing of the service's own (no keys, no tokens), a
    /// private home and temporary folder, and a fixed hash seed so runs are reproducible.
    /// </summary>
    public static Dictionary<string, string> BaseEnvironment(string home) => new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = home,
        ["TMPDIR"] = home,
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["PYTHONHASHSEED"] = "0",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONUNBUFFERED"] = "1",
        ["PYTHONIOENCODING"] = "utf-8",
    };
}
