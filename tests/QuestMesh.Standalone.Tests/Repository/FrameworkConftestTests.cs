using System.Diagnostics;
using System.Text.Json;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>
/// Whole-repository runs of a small Flask and a small Django repository (offline search, one short attempt per module):
/// the generated tests get a conftest.py for their framework, the combined suite passes with it, and the folder,
/// copied into the repository as the command says, gives a hand-written test the fixtures.
/// </summary>
public sealed class FrameworkConftestTests : IDisposable
{
    private readonly TempProject _repository = new();

    private string Output => Path.Combine(_repository.Root, "out");

    public void Dispose() => _repository.Dispose();

    private async Task<(int Code, string Output)> RunAsync()
    {
        var console = new CliConsole();
        var code = await CliApp.RunAsync(
            ["run", _repository.Project, "--out", Output, "--strategy", "search", "--budget", "3", "--max-attempts", "1", "--max-mutants", "5",
             "--module-budget", "120"],
            console.Console, CancellationToken.None);
        return (code, console.Output);
    }

    private JsonElement Json(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, name))).RootElement;

    private const string FlaskApp = """
        from flask import Flask, jsonify

        from shop.pricing import discount


        def create_app():
            app = Flask(__name__)

            @app.get("/price/<int:amount>")
            def price(amount):
                if amount > 1000:
                    return jsonify(error="too much"), 400
                return {"price": discount(amount, 10)}

            return app
        """;

    private const string Pricing = """
        def discount(total, percent):
            if percent < 0 or percent > 100:
                raise ValueError("percent must be between 0 and 100")
            if total == 0:
                return 0.0
            return round(total * (100 - percent) / 100, 2)
        """;

    [Fact]
    public async Task Run_FlaskRepository_GeneratesAConftestWithAppAndClient_AndTheCombinedSuitePassesWithIt()
    {
        _repository.Write("requirements.txt", "flask>=2.2\n");
        _repository.Write("shop/__init__.py", FlaskApp);
        _repository.Write("shop/pricing.py", Pricing);
        _repository.Write("tests/test_pricing.py", "from shop.pricing import discount\n\n\ndef test_discount():\n    assert discount(100, 10) == 90\n");

        var (code, output) = await RunAsync();

        code.ShouldBe(ExitCodes.TargetsMet, output);
        var conftest = File.ReadAllText(Path.Combine(Output, "tests", "generated", "conftest.py"));
        conftest.ShouldContain("from shop import create_app");
        conftest.ShouldContain("def client(app):");
        var manifest = Json("tests/generated/_manifest.json").GetProperty("conftest");
        (manifest.GetProperty("file").GetString(), manifest.GetProperty("framework").GetString()).ShouldBe(("tests/generated/conftest.py", "flask"));
        ShouldPassTogether(output);
        output.ShouldContain("conftest   tests/generated/conftest.py: the Flask app `create_app()` of `shop` and its test client");
        output.ShouldContain("deps       1 declared, all already there");
        File.ReadAllText(Path.Combine(Output, "summary.md")).ShouldContain("`tests/generated/conftest.py` (flask: `app`, `client`)");

        UseThem("test_by_hand.py", """
            def test_price_route(client, app):
                assert app.testing
                assert client.get("/price/10").get_json() == {"price": 9.0}
                assert client.get("/price/5000").status_code == 400
            """);
    }

    [Fact]
    public async Task Run_DjangoRepository_GeneratesAConftestWithItsSettings_AndTheCombinedSuitePassesWithIt()
    {
        _repository.Write("manage.py", """
            import os
            import sys

            if __name__ == "__main__":
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                from django.core.management import execute_from_command_line
                execute_from_command_line(sys.argv)
            """);
        _repository.Write("mysite/__init__.py", "");
        _repository.Write("mysite/settings.py", """
            SECRET_KEY = "not-a-secret"
            INSTALLED_APPS = ["django.contrib.contenttypes", "polls"]
            DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
            USE_TZ = True
            """);
        _repository.Write("polls/__init__.py", "");
        _repository.Write("polls/models.py", """
            from django.db import models


            class Question(models.Model):
                text = models.CharField(max_length=200)

                def is_question(self):
                    return self.text.endswith("?")
            """);
        _repository.Write("polls/text.py", """
            from django.utils.text import slugify


            def headline(text, limit=20):
                if not text:
                    return ""
                slug = slugify(text)
                if len(slug) > limit:
                    return slug[:limit].rstrip("-")
                return slug
            """);
        _repository.Write("tests/test_text.py", "from polls.text import headline\n\n\ndef test_empty():\n    assert headline(\"\") == \"\"\n");

        var (code, output) = await RunAsync();

        code.ShouldBe(ExitCodes.TargetsMet, output);
        var conftest = File.ReadAllText(Path.Combine(Output, "tests", "generated", "conftest.py"));
        conftest.ShouldContain("os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")");
        conftest.ShouldContain("django.setup()");
        Json("tests/generated/_manifest.json").GetProperty("conftest").GetProperty("framework").GetString().ShouldBe("django");
        ShouldPassTogether(output);

        UseThem("test_by_hand.py", """
            from django.conf import settings

            from polls.models import Question


            def test_the_projects_settings_and_models():
                assert "polls" in settings.INSTALLED_APPS
                assert Question(text="Why?").is_question()
            """);
    }

    /// <summary>Generated tests were kept, none of them fails with the existing ones, and the conftest was not dropped.</summary>
    private void ShouldPassTogether(string output)
    {
        var report = Json("iteration_report.json");
        var generated = report.GetProperty("generated");
        generated.GetProperty("tests").GetInt32().ShouldBeGreaterThan(0, output);
        generated.GetProperty("failed").GetInt32().ShouldBe(0, output);
        report.GetProperty("after").GetProperty("failed").GetInt32().ShouldBe(0, output);
        report.GetProperty("after").GetProperty("errors").GetInt32().ShouldBe(0, output);
        report.GetProperty("dropped").EnumerateArray().ShouldNotContain(d => d.GetProperty("test_file").GetString()!.EndsWith("conftest.py"), output);
        report.GetProperty("conftest").GetProperty("file").GetString().ShouldBe("tests/generated/conftest.py");
    }

    /// <summary>The generated folder copied into the repository, as the command says, with one more test by hand: pytest passes.</summary>
    private void UseThem(string name, string test)
    {
        var generated = Path.Combine(_repository.Project, "tests", "generated");
        Directory.CreateDirectory(generated);
        foreach (var file in Directory.GetFiles(Path.Combine(Output, "tests", "generated")))
            File.Copy(file, Path.Combine(generated, Path.GetFileName(file)));
        _repository.Write($"tests/generated/{name}", test);
        var info = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = _repository.Project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests" })
            info.ArgumentList.Add(argument);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var pytest = Process.Start(info)!;
        var stdout = pytest.StandardOutput.ReadToEnd();
        var stderr = pytest.StandardError.ReadToEnd();
        pytest.WaitForExit();
        pytest.ExitCode.ShouldBe(0, stdout + stderr);
        stdout.ShouldContain(" passed");
    }
}
