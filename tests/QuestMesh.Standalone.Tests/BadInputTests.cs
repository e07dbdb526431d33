using System.Net.Sockets;
using System.Text;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>Every bad input gets exit 2 and one line that says what is wrong, before any run starts.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempProject _folder = new();
    private string Project => _folder.Project;

    public BadInputTests()
    {
        _folder.Write("pkg/good.py", "def f(x):\n    return x + 1\n");
        _folder.Write("pkg/empty.py", "\n  \n");
        _folder.Write("pkg/broken.py", "def f(x:\n    return x\n");
        _folder.Write("pkg/notes.txt", "hello\n");
    }

    public void Dispose() => _folder.Dispose();

    private Task<string> Refused(string file, string expected, params string[] more) =>
        CliRun.ShouldBeRefused(expected, ["run", Project, "--file", file, .. more]);

    [Theory]
    [InlineData("/nonexistent/project", "pkg/good.py", "project directory '/nonexistent/project' does not exist")]
    [InlineData("{project}", "pkg/missing.py", "target file 'pkg/missing.py' does not exist")]
    [InlineData("{project}", "pkg/notes.txt", "'pkg/notes.txt' is not a Python file (.py)")]
    [InlineData("{project}", "pkg/empty.py", "'pkg/empty.py' is empty: there is nothing to test")]
    [InlineData("{project}", "../outside.py", "'../outside.py' is outside the project directory")]
    [InlineData("{project}", "pkg", "'pkg' is a directory; give one Python file with --file")]
    [InlineData("{project}", "pkg/broken.py", "'pkg/broken.py' has a syntax error at line 1")]
    public Task Run_BadInput_ExitsTwoWithOneClearLine(string project, string file, string expected) =>
        CliRun.ShouldBeRefused(expected, "run", project.Replace("{project}", Project), "--file", file);

    [Theory]
    [InlineData("--max-attempts", "0", "--max-attempts must be between 1 and 50")]
    [InlineData("--strategy", "magic", "magic")]
    [InlineData("--target-coverage", "120", "--target-coverage must be a percentage between 0 and 100")]
    [InlineData("--target-coverage", "NaN", "--target-coverage must be a percentage between 0 and 100, not NaN")]
    [InlineData("--target-coverage", "Infinity", "--target-coverage must be a percentage between 0 and 100")]
    [InlineData("--target-coverage", "-5", "--target-coverage must be a percentage between 0 and 100, not -5")]
    [InlineData("--target-mutation", "NaN", "--target-mutation must be a percentage between 0 and 100, not NaN")]
    [InlineData("--target-mutation", "-Infinity", "--target-mutation must be a percentage between 0 and 100")]
    [InlineData("--target-mutation", "100.5", "--target-mutation must be a percentage between 0 and 100")]
    [InlineData("--budget", "0", "--budget must be between 1 and 3600 seconds")]
    [InlineData("--max-mutants", "0", "--max-mutants must be at least 1")]
    public Task Run_BadSetting_ExitsTwo(string option, string value, string expected) =>
        Refused("pkg/good.py", expected, option, value);

    [Theory]
    [InlineData("--max-attempts", "abc", "--max-attempts expects a whole number, not 'abc'")]
    [InlineData("--budget", "1e9", "--budget expects a whole number of seconds, not '1e9'")]
    [InlineData("--budget", "2.5", "--budget expects a whole number of seconds, not '2.5'")]
    [InlineData("--seed", "99999999999", "--seed expects a whole number, and '99999999999' is far out of range")]
    [InlineData("--max-mutants", "many", "--max-mutants expects a whole number, not 'many'")]
    [InlineData("--target-coverage", "ninety", "--target-coverage expects a number, not 'ninety'")]
    public async Task Run_NumberThatDoesNotParse_NamesTheOptionWithoutDotNetTypes(string option, string value, string expected)
    {
        var line = await Refused("pkg/good.py", expected, option, value);

        line.ShouldNotContain("Int32");
        line.ShouldNotContain("Double");
    }

    [Fact]
    public async Task Run_TargetIsAFifo_ExitsTwoWithoutOpeningIt()
    {
        CliRun.MakeFifo(Path.Combine(Project, "pkg", "pipe.py"));

        await Refused("pkg/pipe.py", "'pkg/pipe.py' is a named pipe (FIFO), not a Python file");
    }

    [Fact]
    public async Task Run_TargetIsADevice_ExitsTwo()
    {
        CliRun.MakeNullDevice(Path.Combine(Project, "pkg", "null.py"));

        await Refused("pkg/null.py", "'pkg/null.py' is a device, not a Python file");
    }

    [Fact]
    public async Task Run_TargetIsASocket_ExitsTwo()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(Project, "pkg", "sock.py")));

        await Refused("pkg/sock.py", "'pkg/sock.py' is a socket, not a Python file");
    }

    [Theory]
    [InlineData("not_text", "it contains a NUL byte")]
    [InlineData("binary", "it contains a NUL byte")]
    [InlineData("latin1_undeclared", "is not UTF-8 text and has no '# -*- coding: <name> -*-' line")]
    [InlineData("unknown_codec", "has an encoding problem: unknown encoding: klingon")]
    public async Task Run_TargetThatIsNotPythonText_IsRefusedByTheHarness(string name, string expected)
    {
        _folder.Write($"pkg/{name}.py", name switch
        {
            "not_text" => Encoding.UTF8.GetBytes("x = 1\0\n"),
            "binary" => Enumerable.Range(0, 1024).Select(i => (byte)(i * 7)).ToArray(),
            "latin1_undeclared" => [.. "NAME = 'caf"u8, 0xE9, .. "'\n"u8],
            _ => Encoding.UTF8.GetBytes("# -*- coding: klingon -*-\nx = 1\n"),
        });

        var line = await Refused($"pkg/{name}.py", expected);

        line.ShouldContain($"'pkg/{name}.py'");
    }

    [Theory]
    [InlineData("my pkg/mod.py", "'my pkg' is not a Python identifier")]
    [InlineData("pkg/my-mod.py", "'my-mod' is not a Python identifier")]
    [InlineData("a;b/mod.py", "'a;b' is not a Python identifier")]
    [InlineData("pkg/class.py", "'class' is a Python keyword")]
    public async Task Run_PathThatIsNotAnImportName_SaysWhy(string file, string expected)
    {
        _folder.Write(file, "def f(x):\n    return x\n");

        var line = await Refused(file, expected);

        line.ShouldContain("cannot be imported");
    }

    [Fact]
    public async Task Run_TargetLinkedOutOfTheProject_IsRefused()
    {
        var outside = Path.Combine(_folder.Root, "outside.py");
        File.WriteAllText(outside, "def f(x):\n    return x\n");
        File.CreateSymbolicLink(Path.Combine(Project, "pkg", "linked.py"), outside);

        await Refused("pkg/linked.py", "'pkg/linked.py' leads out of the project through a symbolic link");
    }

    [Fact]
    public async Task Run_TargetInAFolderLinkedOutOfTheProject_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Project, "etc"), "/etc");

        await Refused("etc/hostname", "'etc/hostname' leads out of the project through a symbolic link (to '/etc/hostname')");
    }

    [Fact]
    public async Task Run_DanglingLink_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(Project, "pkg", "gone.py"), Path.Combine(Project, "pkg", "nowhere.py"));

        await Refused("pkg/gone.py", "'pkg/gone.py' is a symbolic link to a file that does not exist");
    }
}
