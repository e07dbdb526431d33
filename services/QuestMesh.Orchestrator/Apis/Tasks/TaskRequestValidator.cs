using System.Text;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>
/// Every field of the task API's requests checked before a task is made, each problem named by its field
/// (<c>uncovered_ranges[1].start_line</c>). Whether the code parses is the harness's to say (<c>static</c>,
/// text only, in a private empty folder): this service never reads Python itself.
/// </summary>
public sealed class TaskRequestValidator(IOptions<TaskApiOptions> options, HarnessClient harness)
{
    private static readonly HashSet<string> ReservedModules = ["pytest", "_pytest", "unittest", "coverage", "questmesh_harness"];

    public async Task<(RecommendTests? Command, FieldErrors Errors)> ValidateAsync(CoverageTaskRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var source = Source(request.SourceCode, request.Framework, request.ModuleName, request.SearchBudgetSeconds, request.Seed, errors);
        var existing = Code("existing_test_code", request.ExistingTestCode ?? "", errors);
        var ranges = Ranges(request.UncoveredRanges, request.SourceCode, errors);
        if (!errors.Any)
        {
            await ParsesAsync("source_code", source!.SourceCode, errors, cancellationToken);
            if (existing!.Trim().Length > 0)
                await ParsesAsync("existing_test_code", existing, errors, cancellationToken);
        }
        return errors.Any
            ? (null, errors)
            : (new RecommendTests { TaskId = Guid.Empty, Source = source!, ExistingTestCode = existing!, UncoveredRanges = ranges }, errors);
    }

    public async Task<(GenerateTestFile? Command, FieldErrors Errors)> ValidateAsync(GenerationTaskRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var source = Source(request.SourceCode, request.Framework, request.ModuleName, request.SearchBudgetSeconds, request.Seed, errors);
        if (request.UserDescription is not null && request.Description is not null)
            errors.Add("description", "and user_description say the same; give one of them");
        var description = request.UserDescription ?? request.Description ?? "";
        if (description.Length > options.Value.MaxDescriptionChars)
            errors.Add(request.UserDescription is null ? "description" : "user_description",
                $"is longer than {options.Value.MaxDescriptionChars} characters (Tasks:MaxDescriptionChars)");
        if (!errors.Any)
            await ParsesAsync("source_code", source!.SourceCode, errors, cancellationToken);
        return errors.Any ? (null, errors) : (new GenerateTestFile { Source = source!, Description = description }, errors);
    }

    private TaskSource? Source(string? sourceCode, string? framework, string? moduleName, int? budget, int? seed, FieldErrors errors)
    {
        string? code = null;
        if (sourceCode is null)
            errors.Add("source_code", "is required: the Python module's text");
        else if (sourceCode.Trim().Length == 0)
            errors.Add("source_code", "is empty; send the Python module's text");
        else
            code = Code("source_code", sourceCode, errors);

        framework ??= TestFrameworks.Pytest;
        if (!TestFrameworks.All.Contains(framework))
            errors.Add("framework", $"'{Problems.Shown(framework)}' is not a framework; use pytest or unittest");
        moduleName ??= TaskSource.DefaultModuleName;
        if (ModuleProblem(moduleName) is { } problem)
            errors.Add("module_name", problem);
        var searchBudget = budget ?? options.Value.SearchBudgetSeconds;
        if (searchBudget is < 1 or > 600)
            errors.Add("search_budget_seconds", $"must be between 1 and 600 seconds, not {searchBudget}");
        if (seed is < 0)
            errors.Add("seed", $"must be 0 or more, not {seed}");
        return code is null
            ? null
            : new TaskSource { SourceCode = code, Framework = framework, ModuleName = moduleName, SearchBudgetSeconds = searchBudget, Seed = seed ?? 42 };
    }

    /// <summary>The code when it is within the size limit and holds no NUL (which Python refuses in source), else null and the problem.</summary>
    private string? Code(string field, string code, FieldErrors errors)
    {
        if (Encoding.UTF8.GetByteCount(code) > options.Value.MaxSourceBytes)
        {
            errors.Add(field, $"is larger than {options.Value.MaxSourceBytes} bytes (Tasks:MaxSourceBytes)");
            return null;
        }
        if (code.Contains('\0'))
        {
            errors.Add(field, "contains a NUL character, which Python source cannot hold");
            return null;
        }
        return code;
    }

    private IReadOnlyList<UncoveredRange> Ranges(IReadOnlyList<UncoveredRangeRequest?>? ranges, string? sourceCode, FieldErrors errors)
    {
        if (ranges is null || ranges.Count == 0)
        {
            errors.Add("uncovered_ranges", """is required and may not be empty: a list of {"start_line": 3, "end_line": 5, "type": "line"}""");
            return [];
        }
        if (ranges.Count > options.Value.MaxRanges)
        {
            errors.Add("uncovered_ranges", $"has {ranges.Count} ranges; at most {options.Value.MaxRanges} are accepted (Tasks:MaxRanges)");
            return [];
        }
        var lines = sourceCode is null ? int.MaxValue : sourceCode.TrimEnd('\n').Split('\n').Length;
        var accepted = new List<UncoveredRange>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var field = $"uncovered_ranges[{i}]";
            if (ranges[i] is not { } range)
            {
                errors.Add(field, """is null; each range is {"start_line": 3, "end_line": 5, "type": "line"}""");
                continue;
            }
            if (range.StartLine is not { } start)
                errors.Add($"{field}.start_line", "is required: the range's first line, counting from 1");
            else if (start < 1)
                errors.Add($"{field}.start_line", $"must be 1 or more, not {start}");
            else if (start > lines)
                errors.Add($"{field}.start_line", $"is {start}, past the end of source_code ({lines} line{(lines == 1 ? "" : "s")})");
            if (range.EndLine is not { } end)
                errors.Add($"{field}.end_line", "is required: the range's last line (the same as start_line for one line)");
            else if (range.StartLine is { } first && end < first)
                errors.Add($"{field}.end_line", $"is {end}, before start_line {first}; a range runs from start_line to end_line");
            if (range.Type is null)
                errors.Add($"{field}.type", "is required: line or branch");
            else if (!UncoveredRangeTypes.All.Contains(range.Type))
                errors.Add($"{field}.type", $"'{Problems.Shown(range.Type)}' is not a range type; use line or branch");
            accepted.Add(new UncoveredRange(range.StartLine ?? 0, Math.Min(range.EndLine ?? 0, lines), range.Type ?? ""));
        }
        return accepted;
    }

    private static string? ModuleProblem(string moduleName)
    {
        if (moduleName.Length is 0 or > 200)
            return "must be a dotted Python import name of 1 to 200 characters, such as shop.pricing";
        var path = moduleName.Replace('.', '/') + ".py";
        if (ProjectPathRules.TargetProblem(path) is { } problem)
            return $"'{Problems.Shown(moduleName)}' is not an import name: as a path, {path} {problem}";
        if (ReservedModules.Contains(moduleName.Split('.')[0]))
            return $"'{Problems.Shown(moduleName)}' would hide a module the tests need; give your module's own name";
        return null;
    }

    private async Task ParsesAsync(string field, string code, FieldErrors errors, CancellationToken cancellationToken)
    {
        var reply = await harness.StaticAsync(code, cancellationToken);
        if (!reply.SyntaxOk)
            errors.Add(field, $"is not valid Python: {reply.SyntaxError ?? "it does not parse"}");
    }
}
