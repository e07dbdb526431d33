using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Fixing;

/// <summary>Did an attempt that still left the test failing get it further, so the next attempt builds on it?</summary>
public static class AttemptVerdict
{
    public static bool Progressed(PlannedEdit edit, Failure before, Failure after) => edit.Edit.Op switch
    {
        // A repaired expected value lets the test run on: progress is a failure further down the same test.
        "replace_expected" or "approx_expected" => after.LineInTest > before.LineInTest,
        // The raising statement ends the test once it is wrapped: nothing can come after it.
        "expect_raises" or "replace_raises" => false,
        // A missing import, setting or mark supplied: progress is any other failure than the one it was for.
        _ => !Same(before, after),
    };

    public static bool Same(Failure before, Failure after) =>
        (before.Category, before.ErrorType, before.MissingModule, before.MissingName, before.LineInTest ?? before.SuiteLine)
        == (after.Category, after.ErrorType, after.MissingModule, after.MissingName, after.LineInTest ?? after.SuiteLine);
}
