using System.Text.RegularExpressions;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// An equality assertion against a literal the generator guessed (its own oracle) failed: the code under
/// test is the reference, so the value pytest or unittest printed for the call becomes the expected literal.
/// Only when that value is a literal as printed (not shortened, not an object repr).
/// </summary>
public static partial class AssertionValueRepair
{
    public static RepairAttempt TryRepair(Failure failure, FunctionLocation function)
    {
        if (failure.Comparison is not { } comparison)
            return RepairAttempt.Failed("the assertion message shows no `actual == expected` comparison to re-observe");
        var statement = StatementFinder.Find(function, failure, l => Sides(l.Code) is not null);
        if (statement is null)
            return RepairAttempt.Failed($"the failing assertion was not found in {function.Name}");
        if (Sides(statement.Code) is not var (left, right))
            return RepairAttempt.Failed($"line {statement.StartLine} is not a single `==` comparison or assertEqual call");

        var code = statement.Code;
        var leftText = code.Substring(left.Start, left.Length);
        var rightText = code.Substring(right.Start, right.Length);
        var (span, old, observed) = (PythonLiteral.IsLiteral(leftText), PythonLiteral.IsLiteral(rightText)) switch
        {
            (false, true) => (right, rightText, comparison.Left),
            (true, false) => (left, leftText, comparison.Right),
            _ => (default, "", ""),
        };
        if (old.Length == 0)
            return RepairAttempt.Failed($"line {statement.StartLine} does not compare a call with one literal expected value");
        if (!PythonLiteral.IsSafeObserved(observed))
            return RepairAttempt.Failed($"the observed value `{Shorten(observed)}` cannot be written as a literal");
        if (observed == old)
            return RepairAttempt.Failed("the observed value is the expected one as written; the comparison fails for another reason");

        var newCode = code[..span.Start] + observed + code[(span.Start + span.Length)..];
        var indent = statement.Text[..(statement.Text.Length - code.Length)];
        return new RepairAttempt(true, $"expected value `{Shorten(old)}` replaced by the observed `{Shorten(observed)}` (line {statement.StartLine})")
        {
            FunctionName = function.Name,
            FunctionCode = StatementFinder.ReplaceStatement(function, statement, indent + newCode),
        };
    }

    /// <summary>The two compared operands of <c>assert a == b[, msg]</c> or <c>self.assertEqual(a, b[, msg])</c>, as spans of the code.</summary>
    public static ((int Start, int Length) Left, (int Start, int Length) Right)? Sides(string code)
    {
        if (code.StartsWith("assert ", StringComparison.Ordinal))
        {
            var start = "assert ".Length;
            var expression = PythonScanner.Split(code[start..], ",")[0];
            var parts = PythonScanner.Split(code.Substring(start, expression.Length), "==");
            if (parts.Count != 2)
                return null;
            return (Shift(PythonScanner.Trim(code[start..], parts[0]), start), Shift(PythonScanner.Trim(code[start..], parts[1]), start));
        }
        foreach (var call in (string[])["self.assertEqual(", "self.assertEquals(", "assertEqual("])
        {
            if (!code.StartsWith(call, StringComparison.Ordinal) || !code.TrimEnd().EndsWith(')'))
                continue;
            var start = call.Length;
            var inner = code[start..code.TrimEnd().LastIndexOf(')')];
            var args = PythonScanner.Split(inner, ",");
            if (args.Count < 2)
                return null;
            var (first, second) = (PythonScanner.Trim(inner, args[0]), PythonScanner.Trim(inner, args[1]));
            if (IsKeyword(inner.Substring(first.Start, first.Length)) || IsKeyword(inner.Substring(second.Start, second.Length)))
                return null;
            return (Shift(first, start), Shift(second, start));
        }
        return null;
    }

    private static bool IsKeyword(string argument) => KeywordArgument().IsMatch(argument);

    [GeneratedRegex(@"^[A-Za-z_]\w*\s*=(?!=)")]
    private static partial Regex KeywordArgument();

    private static (int Start, int Length) Shift((int Start, int Length) span, int by) => (span.Start + by, span.Length);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
