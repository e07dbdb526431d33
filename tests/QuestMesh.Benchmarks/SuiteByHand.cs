using QuestMesh.Python;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Benchmarks;

/// <summary>
/// A written suite run the way its user would, not the way the harness runs it: <c>python3 -m pytest</c> from the
/// project folder, <c>src/</c> on <c>PYTHONPATH</c> (what a src-layout project configures), and no fixed hash
/// seed. It is still generated code: it runs in the sandbox like every other step.
/// </summary>
public sealed class SuiteByHand(PythonEnvironment python, Sandbox sandbox)
{
    /// <summary>Null when the suite passes; else pytest's lines that name what failed (its short summary).</summary>
    public async Task<string?> FailuresAsync(string project, string testFile)
    {
        var home = Directory.CreateTempSubdirectory("questmesh-byhand-").FullName;
        try
        {
            var environment = PythonEnvironment.BaseEnvironment(home);
            environment.Remove("PYTHONHASHSEED");
            environment["PYTHONPATH"] = Path.Combine(project, "src");
            var interpreter = await python.GetInterpreterAsync();
            var result = await sandbox.RunAsync(new ProcessSpec
            {
                FileName = interpreter,
                Arguments = ["-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", testFile],
                WorkingDirectory = project,
                Environment = environment,
                Timeout = TimeSpan.FromMinutes(5),
            }, new SandboxScope { Workspace = project, Home = home, ReadOnly = [PythonEnvironment.InstallRoot(interpreter)] }, CancellationToken.None);
            if (result.ExitCode == 0 && !result.TimedOut)
                return null;
            var failed = result.StandardOutput.Split('\n').Where(l => l.StartsWith("FAILED ") || l.StartsWith("ERROR "))
                .Select(l => l.Trim()).Take(5).ToList();
            return result.TimedOut ? "timed out" : failed.Count > 0 ? string.Join("; ", failed) : $"exit {result.ExitCode}";
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
