using QuestMesh.Python.Unix;
using QuestMesh.Contracts;

namespace QuestMesh.Standalone.Cli;

/// <summary>
/// Checks what can be checked without Python, before any work starts; each problem is one sentence the
/// user can act on. Whether the target is Python text (encoding, NUL bytes, emptiness, syntax, an
/// importable name) is the harness's <c>analyze</c> to say.
/// </summary>
public static class RunInputValidator
{
    public static RunInput Validate(string projectDirectory, string file, RunSettings settings, string? outputDirectory)
    {
        CheckSettings(settings);
        if (string.IsNullOrWhiteSpace(projectDirectory))
            throw new BadInputException("give the project directory, e.g. 'questmesh run ./myproject --file pkg/module.py'");
        var project = Path.GetFullPath(projectDirectory);
        if (!Directory.Exists(project))
            throw new BadInputException(File.Exists(project)
                ? $"'{projectDirectory}' is a file; give the project's directory and the file with --file"
                : $"project directory '{projectDirectory}' does not exist");
        if (string.IsNullOrWhiteSpace(file))
            throw new BadInputException("give the target module with --file, relative to the project directory");

        try
        {
            var realProject = UnixFiles.RealPath(project) ?? project;
            var target = TargetFileCheck.Resolve(project, realProject, projectDirectory, file);
            var output = OutputFolderCheck.Resolve(outputDirectory, realProject, projectDirectory);
            return new RunInput(realProject, target, settings, output);
        }
        catch (IOException error)
        {
            // A path this user may not look at (stat refused): still the user's to correct.
            throw new BadInputException(error.Message);
        }
    }

    public static void CheckSettings(RunSettings settings)
    {
        if (settings.MaxAttempts is < 1 or > 50)
            throw new BadInputException("--max-attempts must be between 1 and 50");
        if (!IsPercentage(settings.TargetCoverage))
            throw new BadInputException($"--target-coverage must be a percentage between 0 and 100, not {settings.TargetCoverage}");
        if (!IsPercentage(settings.TargetMutation))
            throw new BadInputException($"--target-mutation must be a percentage between 0 and 100, not {settings.TargetMutation}");
        if (settings.Strategy is not ("auto" or "search" or "llm"))
            throw new BadInputException("--strategy must be auto, search or llm");
        if (settings.SearchBudgetSeconds is < 1 or > 3600)
            throw new BadInputException("--budget must be between 1 and 3600 seconds");
        if (settings.MaxMutants is < 1)
            throw new BadInputException("--max-mutants must be at least 1");
    }

    /// <summary>NaN compares false with everything, so the range is written as what must hold.</summary>
    private static bool IsPercentage(double value) => value is >= 0 and <= 100;
}
