using QuestMesh.Python;

namespace QuestMesh.Benchmarks;

/// <summary>
/// A written suite run the way its user would, outside the sandbox: <c>python3 -m pytest</c> from the project
/// folder, <c>src/</c> on <c>PYTHONPATH</c> (what a src-layout project configures), and no fixed hash seed.
/// </summary>
public sealed class SuiteByHand(PythonEnvironment python, ProcessRunner runner)
{
    public async Task<bool> PassesAsync(string project, string testFile)
    {
        var home = Directory.CreateTempSubdirectory("questmesh-byhand-").FullName;
        try
        {
            var environment = PythonEnvironment.BaseEnvironment(home);
            environment.Remove("PYTHONHASHSEED");
            environment["PYTHONPATH"] = Path.Combine(project, "src");
            var result = await runner.RunAsync(new ProcessSpec
            {
                FileName = await python.GetInterpreterAsync(),
                Arguments = ["-m", "pytest", "-q", "-p", "no:cacheprovider", testFile],
                WorkingDirectory = project,
                Environment = environment,
                Timeout = TimeSpan.FromMinutes(5),
            });
            return result.ExitCode == 0 && !result.TimedOut;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
