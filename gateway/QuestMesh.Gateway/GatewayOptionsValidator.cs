using Microsoft.Extensions.Options;

namespace QuestMesh.Gateway;

/// <summary>What data annotations cannot say: at least one key, each valid and used once.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        if (options.ApiKeys.Count == 0)
            return ValidateOptionsResult.Fail(
                "Gateway:ApiKeys is empty, so every request would be refused: add at least one key and its tenant " +
                "(environment: QUESTMESH_Gateway__ApiKeys__0__Key and QUESTMESH_Gateway__ApiKeys__0__Tenant).");

        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            var entry = options.ApiKeys[i];
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(entry, new(entry), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => $"Gateway:ApiKeys:{i}: {r.ErrorMessage}"));
        }
        var repeated = options.ApiKeys.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Count();
        if (repeated > 0)
            failures.Add($"Gateway:ApiKeys holds {repeated} key(s) more than once; each key maps to exactly one tenant.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
