using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace QuestMesh.Orchestrator;

/// <summary>
/// Checks what data annotations on the top level cannot see: nested sections and time spans, so a bad
/// setting stops the start with a message that names it.
/// </summary>
public sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Router, new ValidationContext(options.Router), results, validateAllProperties: true))
            failures.AddRange(results.Select(r => $"{OrchestratorOptions.Section}:Router: {r.ErrorMessage}"));

        foreach (var (step, timeout) in options.StepTimeouts.All())
        {
            if (timeout <= TimeSpan.Zero)
                failures.Add($"{OrchestratorOptions.Section}:StepTimeouts:{step} must be positive (was {timeout}).");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
            failures.Add($"{OrchestratorOptions.Section}:SweepInterval must be positive (was {options.SweepInterval}).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
