using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Tests;

public class PythonEnvironmentTests
{
    private static PythonEnvironment Environment(string? interpreter) => new(
        Options.Create(new PythonOptions { Interpreter = interpreter }), new ProcessRunner(), NullLogger<PythonEnvironment>.Instance);

    [Fact]
    public async Task GetInterpreter_Default_FindsOneWithPytestAndCoverage()
    {
        var interpreter = await Environment(null).GetInterpreterAsync();

        File.Exists(interpreter).ShouldBeTrue();
    }

    [Fact]
    public async Task GetInterpreter_ConfiguredOneIsMissing_NamesTheFixes()
    {
        var error = await Should.ThrowAsync<PythonEnvironmentException>(() => Environment("/nonexistent/python3").GetInterpreterAsync());

        error.Message.ShouldContain("/nonexistent/python3: not found");
        error.Message.ShouldContain("apt-get install -y python3 python3-pytest python3-coverage");
        error.Message.ShouldContain("Python:Interpreter");
    }

    [Fact]
    public async Task GetInterpreter_InterpreterWithoutPytest_SaysWhichModuleIsMissing()
    {
        // /bin/sh is no Python: the probe fails and every required module counts as missing.
        var error = await Should.ThrowAsync<PythonEnvironmentException>(() => Environment("/bin/sh").GetInterpreterAsync());

        error.Message.ShouldContain("no module pytest, coverage");
    }
}
