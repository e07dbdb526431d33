using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Tests.PythonText;

public class PythonTextTests
{
    private const string Suite = """
        import pytest
        from calc import add, div


        @pytest.mark.slow
        def test_add():
            total = add(
                1, 2)  # a comment (with a paren
            assert total == 3


        def test_text():
            text = '''
        not code: def test_add():
        '''
            assert text


        class TestCalc:
            def test_div(self):
                assert div(4, 2) == 2

            def test_add(self):
                assert add(1, 1) == 2
        """;

    [Fact]
    public void LogicalLine_joins_continuation_lines_and_multiline_strings()
    {
        var lines = LogicalLine.Split(Suite).Where(l => !l.IsBlank).ToList();

        lines.Select(l => (l.StartLine, l.EndLine)).ShouldContain((7, 8));
        lines.Select(l => (l.StartLine, l.EndLine)).ShouldContain((13, 15));
        lines.Single(l => l.StartLine == 7).Indent.ShouldBe(4);
    }

    [Theory]
    [InlineData("test_add", 5, 6, 9)]
    [InlineData("test_text", 12, 12, 16)]
    [InlineData("TestCalc.test_div", 20, 20, 21)]
    [InlineData("TestCalc.test_add", 23, 23, 24)]
    public void FunctionLocation_finds_functions_and_methods(string name, int start, int defLine, int end)
    {
        var function = FunctionLocation.Find(Suite, name).ShouldNotBeNull();

        (function.StartLine, function.DefLine, function.EndLine).ShouldBe((start, defLine, end));
        function.IsMethod.ShouldBe(name.Contains('.'));
    }

    [Fact]
    public void FunctionLocation_keeps_decorators_and_finds_statements_by_line()
    {
        var function = FunctionLocation.Find(Suite, "test_add").ShouldNotBeNull();

        function.Text.ShouldStartWith("@pytest.mark.slow\ndef test_add():");
        function.StatementAt(8)!.Code.ShouldStartWith("total = add(");
        function.BodyIndent.ShouldBe(4);
        FunctionLocation.Find(Suite, "test_missing").ShouldBeNull();
        FunctionLocation.Find(Suite, "TestOther.test_add").ShouldBeNull();
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("-1.5e3", true)]
    [InlineData("'ab'", true)]
    [InlineData("b'\\x00'", true)]
    [InlineData("{'n': [1, (2, 3)], 'm': None}", true)]
    [InlineData("'a' 'b'", true)]
    [InlineData("set()", true)]
    [InlineData("{1, 2}", true)]
    [InlineData("()", true)]
    [InlineData("True", true)]
    [InlineData("f'{x}'", false)]
    [InlineData("add(1, 2)", false)]
    [InlineData("x", false)]
    [InlineData("nan", false)]
    [InlineData("<calc.Box object at 0x7f>", false)]
    [InlineData("[1, 2", false)]
    [InlineData("1 2", false)]
    [InlineData("", false)]
    public void PythonLiteral_recognises_literals(string text, bool literal)
    {
        PythonLiteral.IsLiteral(text).ShouldBe(literal);
    }

    [Theory]
    [InlineData("'abc'", true)]
    [InlineData("'aaaaaaaaaaaaa...aaaaaaaaaa'", false)]
    [InlineData("[1, 2, ...]", false)]
    [InlineData("Decimal('1.5')", false)]
    public void PythonLiteral_refuses_values_pytest_shortened(string repr, bool safe)
    {
        PythonLiteral.IsSafeObserved(repr).ShouldBe(safe);
    }

    [Theory]
    [InlineData("a == b", "==", "a | b")]
    [InlineData("f(x == 1) == [1, 2]", "==", "f(x == 1) | [1, 2]")]
    [InlineData("'==' == x", "==", "'==' | x")]
    [InlineData("a <= b", "==", "a <= b")]
    [InlineData("f(a, b), 'msg, with comma'", ",", "f(a, b)| 'msg, with comma'")]
    public void PythonScanner_splits_only_at_top_level(string text, string op, string expected)
    {
        string.Join("|", PythonScanner.Split(text, op).Select(p => text.Substring(p.Start, p.Length))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("from ops import add", "ops", "calc.ops", "from calc.ops import add")]
    [InlineData("from ops import (add,\n    div)", "ops", "calc.ops", "from calc.ops import add, div")]
    [InlineData("import ops", "ops", "calc.ops", "import calc.ops as ops")]
    [InlineData("import ops as o, json", "ops", "calc.ops", "import calc.ops as o, json")]
    [InlineData("from src.calc.ops import add", "src.calc.ops", "calc.ops", "from calc.ops import add")]
    public void ImportStatement_rewrites_the_module(string code, string old, string replacement, string expected)
    {
        var statement = ImportStatement.FindAll(code).ShouldHaveSingleItem();

        statement.Imports(old).ShouldBeTrue();
        statement.WithModule(old, replacement).ShouldBe(expected);
    }

    [Fact]
    public void ModuleText_adds_an_import_after_the_existing_ones_once()
    {
        const string source = "\"\"\"Tests.\"\"\"\nimport json\nfrom calc import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n";

        var once = ModuleText.EnsureImport(source, "import pytest");

        once.ShouldBe("\"\"\"Tests.\"\"\"\nimport json\nfrom calc import add\nimport pytest\n\n\ndef test_a():\n    assert add(1, 1) == 2\n");
        ModuleText.EnsureImport(once, "import pytest").ShouldBe(once);
    }
}
