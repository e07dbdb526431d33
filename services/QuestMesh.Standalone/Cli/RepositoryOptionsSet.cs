using QuestMesh.Orchestrator.Repositories;
using System.CommandLine;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Cli;

/// <summary>The options of <c>questmesh run</c> that only a whole-repository run (no <c>--file</c>) takes.</summary>
public sealed class RepositoryOptionsSet
{
    private readonly Option<double?> _minCoverage = OptionalNumber("--min-coverage",
        "Gate: the combined suite's coverage (percent) must reach this, else exit 5.");
    private readonly Option<double?> _minDelta = OptionalNumber("--min-delta",
        "Gate: the combined suite's coverage must rise this many points over the existing tests', else exit 5.");
    private readonly Option<int?> _maxModules = NumberOptions.OptionalWholeNumber("--max-modules",
        "Give at most this many modules with gaps a module run, most to gain first (default: all; 0: measure and report only).");
    private readonly Option<int> _moduleBudget = NumberOptions.WholeNumber("--module-budget",
        "Seconds one module run may take; past it the run is cancelled and its module gets no tests.", 900, unit: "seconds");
    private readonly Option<int> _totalBudget = NumberOptions.WholeNumber("--total-budget",
        "Seconds all module runs together may take; modules not started by then get no run.", 3600, unit: "seconds");
    private readonly Option<int> _parallel = NumberOptions.WholeNumber("--parallel",
        "Module runs at once. Each is a run of the loop on the bus: in distributed mode they spread over the runner pool, so set "
        + "it to the number of runners; on one machine each run's search competes for its cores.", 1);
    private readonly Option<string?> _pushBranch = new("--push-branch")
    {
        Description = "Commit the generated tests (with their conftest.py and manifest) to this branch of the repository (a git work tree) and push it to its origin.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_minCoverage);
        command.Options.Add(_minDelta);
        command.Options.Add(_maxModules);
        command.Options.Add(_moduleBudget);
        command.Options.Add(_totalBudget);
        command.Options.Add(_parallel);
        command.Options.Add(_pushBranch);
    }

    public RepositoryLimits Limits(ParseResult parse) =>
        new(parse.GetValue(_maxModules), parse.GetValue(_moduleBudget), parse.GetValue(_totalBudget), parse.GetValue(_parallel));

    public GateThresholds Gate(ParseResult parse) => new(parse.GetValue(_minCoverage), parse.GetValue(_minDelta));

    public string? PushBranch(ParseResult parse) => parse.GetValue(_pushBranch);

    /// <summary>The first of these options the command line gives, or null.</summary>
    public string? Given(ParseResult parse) =>
        new Option[] { _minCoverage, _minDelta, _maxModules, _moduleBudget, _totalBudget, _parallel, _pushBranch }
            .FirstOrDefault(option => parse.GetResult(option) is { Implicit: false })?.Name;

    private static Option<double?> OptionalNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return value;
            result.AddError($"{name} expects a number, not '{token}'");
            return null;
        },
    };
}
