using QuestMesh.Generator.Tasks;

namespace QuestMesh.Generator.Tests.Tasks;

public class TaskAnswerParserTests
{
    [Fact]
    public void Parse_plain_json()
    {
        var answer = TaskAnswerParser.Parse("""  {"generated_code": "def test_x():\n    assert True\n", "explanation": "one test"}  """);

        answer.How.ShouldBe(TaskAnswer.PlainJson);
        answer.Json!["explanation"]!.GetValue<string>().ShouldBe("one test");
    }

    [Fact]
    public void Parse_fenced_json_after_prose_skips_a_python_fence()
    {
        var answer = TaskAnswerParser.Parse("""
            Here you go:
            ```python
            def helper(): return {"a": 1}
            ```
            ```json
            {"recommended_tests": [{"test_code": "def test_a():\n    assert 1\n", "target_line": 3}]}
            ```
            """);

        answer.How.ShouldBe(TaskAnswer.FencedJson);
        answer.Json!["recommended_tests"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_first_balanced_object_with_braces_inside_strings()
    {
        var answer = TaskAnswerParser.Parse("""The result is {"generated_code": "d = {'k': '}'}", "explanation": "x"} as asked. {"other": 1}""");

        answer.How.ShouldBe(TaskAnswer.FirstObject);
        answer.Json!["generated_code"]!.GetValue<string>().ShouldBe("d = {'k': '}'}");
    }

    [Fact]
    public void Parse_skips_a_brace_that_opens_no_json_and_takes_the_next_object()
    {
        var answer = TaskAnswerParser.Parse("""set {1, 2} then {"explanation": "ok"}""");

        answer.How.ShouldBe(TaskAnswer.FirstObject);
        answer.Json!["explanation"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public void Parse_code_without_json_is_code_only()
    {
        const string text = "```python\ndef test_divide():\n    assert divide(4, 2) == 2\n```";

        var answer = TaskAnswerParser.Parse(text);

        answer.How.ShouldBe(TaskAnswer.Code);
        answer.Json.ShouldBeNull();
        answer.CodeOnly.ShouldBe(text);
    }
}
