using QuestMesh.Contracts;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Fixing;

/// <summary>
/// Makes a round's edits through the harness: an edit by line is made on the suite its failure was seen in and
/// the test is carried into the current suite (<c>transplant</c>), so line numbers never go stale; a rollback
/// carries the test back from that suite; a removal deletes the test function.
/// </summary>
public sealed class RoundEdits(HarnessClient harness)
{
    /// <summary>Makes the edit for the cases; null when it was made, else the harness's reason why not.</summary>
    public async Task<(string? Refusal, string Detail)> ApplyAsync(FixRound round, PlannedEdit planned, IReadOnlyList<FixCase> cases, CancellationToken ct)
    {
        try
        {
            var owner = cases.Count == 1 ? cases[0] : null;
            var onBase = planned.Edit.ByLine && owner is not null && owner.BaseSource != round.Source;
            var reply = await harness.PatchAsync(onBase ? owner!.BaseSource : round.Source, planned.Edit, ct);
            if (!reply.Changed)
                return ("the edit changed nothing", reply.Detail);
            round.Source = onBase
                ? (await harness.PatchAsync(round.Source, Transplant(owner!.First.PatchName!, reply.Source), ct)).Source
                : reply.Source;
            return (null, reply.Detail);
        }
        catch (HarnessException error) when (error.BadRequest)
        {
            return (error.Message, Describe(planned.Edit));
        }
    }

    /// <summary>Puts the test back as it was in the suite its failure was seen in.</summary>
    public async Task RollBackAsync(FixRound round, FixCase @case, CancellationToken ct) =>
        round.Source = (await harness.PatchAsync(round.Source, Transplant(@case.First.PatchName!, @case.BaseSource), ct)).Source;

    /// <summary>Deletes the test function; false when it is not a plain function or method the harness can delete.</summary>
    public async Task<bool> DeleteAsync(FixRound round, string function, CancellationToken ct)
    {
        var reply = await harness.PatchAsync(round.Source, "delete", function, null, ct);
        round.Source = reply.Source;
        return reply.Changed;
    }

    private static PatchEdit Transplant(string function, string from) => new("transplant") { Name = function, FromSource = from };

    private static string Describe(PatchEdit edit) => edit.Op switch
    {
        "replace_expected" => $"replace the expected value at line {edit.Line} with `{edit.Value}`",
        "approx_expected" => $"compare the expected value at line {edit.Line} with pytest.approx",
        "expect_raises" => $"expect {edit.Exception} at line {edit.Line}",
        "replace_raises" => $"expect {edit.Exception} instead at line {edit.Line}",
        "import_from_target" or "import_module" => $"import `{edit.Name}`",
        "fix_import" => $"repair the import of `{edit.MissingModule ?? edit.MissingName}`",
        _ => edit.Op.Replace('_', ' '),
    };
}
