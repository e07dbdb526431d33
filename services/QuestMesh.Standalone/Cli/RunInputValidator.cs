using QuestMesh.Contracts;

namespace QuestMesh.Standalone.Cli;

/// <summary>Checks what can be checked without Python; each problem is one sentence the user can act on.</summary>
public static class RunInputValidator
{
    public static RunInput Validate(string projectDirectory, string file, RunSettings settings, string? outputDirectory)
    {
        if (string.IsNullOrWhiteSpace(projectDirectory))
            throw new BadInputException("give the project directory, e.g. 'questmesh run ./myproject --file pkg/module.py'");
        var project = Path.GetFullPath(projectDirectory);
        if (!Directory.Exists(project))
            throw new BadInputException(File.Exists(project)
                ? $"'{projectDirectory}' is a file; give the project's directory and the file with --file"
                : $"project directory '{projectDirectory}' does not exist");
        if (string.IsNullOrWhiteSpace(file))
            throw new BadInputException("give the target module with --file, relative to the project directory");

        var target = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(project, file));
        if (!target.StartsWith(project.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new BadInputException($"'{file}' is outside the project directory '{projectDirectory}'");
        var relative = Path.GetRelativePath(project, target).Replace('\\', '/');
        if (Directory.Exists(target))
            throw new BadInputException($"'{relative}' is a directory; give one Python file with --file");
        if (!File.Exists(target))
            throw new BadInputException($"target file '{relative}' does not exist in '{projectDirectory}'");
        if (!target.EndsWith(".py", StringComparison.Ordinal))
            throw new BadInputException($"'{relative}' is not a Python file (.py)");
        if (File.ReadAllText(target).Trim().Length == 0)
            throw new BadInputException($"'{relative}' is empty: there is nothing to test");

        CheckSettings(settings);
        return new RunInput(project, relative, settings, outputDirectory is null ? null : Path.GetFullPath(outputDirectory));
    }

    private static void CheckSettings(RunSettings settings)
    {
        if (settings.MaxAttempts is < 1 or > 50)
            throw new BadInputException("--max-attempts must be between 1 and 50");
        if (settings.TargetCoverage is < 0 or > 100)
            throw new BadInputException("--target-coverage must be a percentage between 0 and 100");
        if (settings.TargetMutation is < 0 or > 100)
            throw new BadInputException("--target-mutation must be a percentage between 0 and 100");
        if (settings.Strategy is not ("auto" or "search" or "llm"))
            throw new BadInputException("--strategy must be auto, search or llm");
        if (settings.SearchBudgetSeconds is < 1 or > 3600)
            throw new BadInputException("--budget must be between 1 and 3600 seconds");
        if (settings.MaxMutants is < 1)
            throw new BadInputException("--max-mutants must be at least 1");
    }
}
