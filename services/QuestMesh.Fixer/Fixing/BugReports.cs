using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;

namespace QuestMesh.Fixer.Fixing;

/// <summary>A code_bug failure as the <see cref="PossibleBug"/> the run reports: the call, what Python raised, and where.</summary>
public static class BugReports
{
    public static PossibleBug From(Failure failure)
    {
        var facts = failure.Facts;
        var type = failure.ErrorType ?? facts.ExceptionName;
        var where = failure.TargetLine is { } line ? $" at line {line} of the target" : " inside the target";
        var hints = facts.CallFitsHints == true ? " with arguments its type hints allow" : "";
        return new PossibleBug
        {
            Function = facts.TargetFunction ?? facts.Frames.LastOrDefault(f => f.Kind == FrameKinds.Target)?.Function ?? "",
            Call = facts.TargetCall ?? failure.PatchName ?? failure.TestId,
            Outcome = type,
            Message = facts.Message.Trim().Split('\n', 2)[0],
            Line = failure.TargetLine,
            Evidence = $"a generated test called it{hints} and Python raised {type}{where}",
            FoundBy = PossibleBugSources.Fixer,
            Test = failure.TestId,
        };
    }
}
