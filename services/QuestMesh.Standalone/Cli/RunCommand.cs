using QuestMesh.Orchestrator.Repositories;
using System.CommandLine;
using QuestMesh.Contracts;
using QuestMesh.Standalone.Repository;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>
/// <c>questmesh run &lt;project-dir&gt; --file &lt;path&gt;</c> (one module, <see cref="RunExecutor"/>) and
/// <c>questmesh run &lt;repo&gt;</c> (the whole repository, <see cref="RepositoryRunExecutor"/>): the options and their help.
/// </summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var project = new Argument<string>("project-dir") { Description = "With --file: the Python project's root directory (what you would put on sys.path). "
            + "Without: a whole repository, whose Python root, existing tests and gaps QuestMesh finds itself; the dependencies it declares "
            + "are installed for the run from the index or wheel folder in Python:Dependencies:IndexUrl / WheelFolder." };
        var file = new Option<string?>("--file", "-f") { Description = "The module to test, relative to the project directory, e.g. pkg/module.py: a Python file "
            + "(in any encoding Python accepts) whose path is an import name; a link to a file inside the project is followed. "
            + "Without it, the whole repository is the unit of work." };
        var maxAttempts = NumberOptions.WholeNumber("--max-attempts", "Generate-and-improve attempts at most (1 to 50).", 3);
        var coverage = NumberOptions.Number("--target-coverage", "Branch coverage (percent, 0 to 100) to reach.", 90.0);
        var mutation = NumberOptions.Number("--target-mutation", "Mutation score (percent, 0 to 100) to reach.", 50.0);
        var strategy = new Option<string>("--strategy") { Description = "auto (LLM when one is configured, else search), search (offline), or llm.", DefaultValueFactory = _ => "auto" };
        strategy.AcceptOnlyFromAmong("auto", "search", "llm");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for this run's artifacts (default: artifacts/runs/<run-id>/ under the current directory). "
                + "It must be a folder you can write, not an existing file, and outside the project.",
        };
        var seed = NumberOptions.WholeNumber("--seed", "Seed of the offline search: the same seed writes the same tests.", 42);
        var budget = NumberOptions.WholeNumber("--budget", "Seconds the offline search may spend per attempt (1 to 3600).", 20, unit: "seconds");
        var maxMutants = NumberOptions.OptionalWholeNumber("--max-mutants", "Score a random sample of at most this many mutants (default: all).");
        var repository = new RepositoryOptionsSet();

        var command = new Command("run", "Write, check and improve a test suite for one Python module (--file), or for every module of a "
            + "repository with coverage gaps, next to its existing tests, with the reports CI reads.\n" + ExitCodes.Help)
        {
            project, file, maxAttempts, coverage, mutation, strategy, output, seed, budget, maxMutants,
        };
        repository.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new RunSettings
            {
                MaxAttempts = parse.GetValue(maxAttempts),
                TargetCoverage = parse.GetValue(coverage),
                TargetMutation = parse.GetValue(mutation),
                Strategy = parse.GetValue(strategy) ?? "auto",
                Seed = parse.GetValue(seed),
                SearchBudgetSeconds = parse.GetValue(budget),
                MaxMutants = parse.GetValue(maxMutants),
            };
            var target = parse.GetValue(file);
            if (target is null)
                return RepositoryRunExecutor.ExecuteAsync(parse.GetValue(project) ?? "", settings, parse.GetValue(output),
                    repository.Limits(parse), repository.Gate(parse), repository.PushBranch(parse), console, cancellationToken);
            if (repository.Given(parse) is { } repositoryOnly)
                return Task.FromResult(ErrorExits.Refuse(console, $"{repositoryOnly} applies to whole-repository runs (without --file)"));
            return RunExecutor.ExecuteAsync(parse.GetValue(project) ?? "", target, settings, parse.GetValue(output), console, cancellationToken);
        });
        return command;
    }
}
