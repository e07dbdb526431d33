using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Repairs;

/// <summary>Finds the statement of a test function a failure points at: by line, else by the quoted source text.</summary>
public static class StatementFinder
{
    public static LogicalLine? Find(FunctionLocation function, Failure failure, Func<LogicalLine, bool>? fallback = null)
    {
        // A known line outside this function (a helper, a fixture) must not be matched to a look-alike inside it.
        if (failure.SuiteLine is { } line)
            return function.StatementAt(line);
        if (failure.SuiteLineText is { Length: > 0 } text)
        {
            var byText = function.Body.Where(l => !l.IsBlank && l.Code.Split('\n')[0].Trim() == text.Trim()).ToList();
            if (byText.Count == 1)
                return byText[0];
        }
        if (fallback is null)
            return null;
        var candidates = function.Body.Where(l => !l.IsBlank && fallback(l)).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The function's text with one of its statements replaced (and, optionally, everything after it dropped).</summary>
    public static string ReplaceStatement(FunctionLocation function, LogicalLine statement, string newText, bool dropRest = false)
    {
        var lines = function.Text.Split('\n').ToList();
        var first = statement.StartLine - function.StartLine;
        var count = dropRest ? lines.Count - first : statement.EndLine - statement.StartLine + 1;
        lines.RemoveRange(first, count);
        lines.InsertRange(first, newText.Split('\n'));
        return string.Join('\n', lines);
    }
}
