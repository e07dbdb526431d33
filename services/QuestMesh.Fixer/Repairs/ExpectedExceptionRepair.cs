using System.Text.RegularExpressions;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// The code under test raised where the test expected a value: that exception is the observed behaviour,
/// so the call is wrapped in <c>pytest.raises(T)</c> (<c>self.assertRaises(T)</c> in a unittest class).
/// Statements after it never ran, so they are dropped rather than left to assert on a value that never came.
/// </summary>
public static partial class ExpectedExceptionRepair
{
    private static readonly HashSet<string> Builtins =
    [
        "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "Exception", "FileExistsError",
        "FileNotFoundError", "FloatingPointError", "ImportError", "IndexError", "IsADirectoryError", "KeyError",
        "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError",
        "OSError", "OverflowError", "PermissionError", "RecursionError", "ReferenceError", "RuntimeError",
        "StopIteration", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
        "UnicodeError", "ValueError", "ZeroDivisionError",
    ];

    private static readonly string[] Keywords =
        ["return", "for ", "while ", "if ", "with ", "raise", "del ", "import ", "from ", "yield", "pass", "try", "elif", "else", "async ", "def ", "class "];

    public static RepairAttempt TryRepair(Failure failure, FunctionLocation function, string suiteSource, RepairContext context)
    {
        if (failure.Origin != FailureOrigin.CodeUnderTest || failure.ErrorType is not { Length: > 0 } type)
            return RepairAttempt.Failed("the exception was not raised by the code under test");
        var imports = new List<string>();
        if (!Builtins.Contains(type) && !Regex.IsMatch(suiteSource, $@"^\s*(from\s+\S+\s+)?import\s+.*\b{Regex.Escape(type)}\b", RegexOptions.Multiline))
        {
            if (context.TargetSource is null || !Regex.IsMatch(context.TargetSource, $@"^class\s+{Regex.Escape(type)}\b", RegexOptions.Multiline))
                return RepairAttempt.Failed($"{type} cannot be imported into the test");
            imports.Add($"from {context.TargetModule} import {type}");
        }
        var statement = StatementFinder.Find(function, failure);
        if (statement is null)
            return RepairAttempt.Failed($"the statement that raised was not found in {function.Name}");
        if (statement.Indent != function.BodyIndent)
            return RepairAttempt.Failed($"line {statement.StartLine} is inside a nested block");
        if (CallOf(statement.Code) is not { } call)
            return RepairAttempt.Failed($"line {statement.StartLine} is not an assertion, assignment or call that can be wrapped");

        var unittestStyle = function.IsMethod && !Regex.IsMatch(suiteSource, @"^\s*import pytest\b", RegexOptions.Multiline)
            && suiteSource.Contains("unittest", StringComparison.Ordinal);
        if (!unittestStyle)
            imports.Add("import pytest");
        var indent = new string(' ', statement.Indent);
        var header = unittestStyle ? $"with self.assertRaises({type}):" : $"with pytest.raises({type}):";
        // Continuation lines keep their own indentation, one level deeper like the first.
        var callLines = call.Split('\n');
        var block = $"{indent}{header}\n{indent}    {callLines[0]}" + string.Concat(callLines.Skip(1).Select(line => "\n    " + line));
        var dropped = function.Body.Count(l => !l.IsBlank && l.StartLine > statement.EndLine);
        var detail = $"{type} raised by the code under test is now expected with {(unittestStyle ? "assertRaises" : "pytest.raises")} (line {statement.StartLine})"
            + (dropped > 0 ? $"; {dropped} statement(s) after it never ran and were dropped" : "");
        return new RepairAttempt(true, detail)
        {
            FunctionName = function.Name,
            FunctionCode = StatementFinder.ReplaceStatement(function, statement, block, dropRest: true),
            Imports = imports,
        };
    }

    /// <summary>The expression to run inside the raises block: the call side of an assertion, the value of an assignment, or the statement itself.</summary>
    public static string? CallOf(string code)
    {
        if (code.StartsWith("assert ", StringComparison.Ordinal))
        {
            if (AssertionValueRepair.Sides(code) is var (left, right))
            {
                var leftText = code.Substring(left.Start, left.Length);
                var rightText = code.Substring(right.Start, right.Length);
                return PythonLiteral.IsLiteral(rightText) ? leftText : PythonLiteral.IsLiteral(leftText) ? rightText : code["assert ".Length..];
            }
            var expression = PythonScanner.Split(code["assert ".Length..], ",")[0];
            return code.Substring("assert ".Length, expression.Length).Trim();
        }
        if (Keywords.Any(k => code.StartsWith(k, StringComparison.Ordinal)) || code.StartsWith("self.assert", StringComparison.Ordinal))
            return UnittestCall(code);
        if (Assignment().Match(code) is { Success: true } assignment)
            return code[assignment.Length..].Trim();
        return code.Trim();
    }

    private static string? UnittestCall(string code)
    {
        if (AssertionValueRepair.Sides(code) is not var (left, right))
            return null;
        var leftText = code.Substring(left.Start, left.Length);
        var rightText = code.Substring(right.Start, right.Length);
        return PythonLiteral.IsLiteral(rightText) ? leftText : PythonLiteral.IsLiteral(leftText) ? rightText : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*(?::[^=]+)?=(?!=)")]
    private static partial Regex Assignment();
}
