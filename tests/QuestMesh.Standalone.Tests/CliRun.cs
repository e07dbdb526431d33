using System.Runtime.InteropServices;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>Runs the real command line in-process and records what it printed.</summary>
internal static class CliRun
{
    /// <summary>Generous: bad input is answered in a second or two; the bound only turns a hang into a failure.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static async Task<(int Code, string[] Lines)> Run(params string[] args)
    {
        var console = new CliConsole();
        var code = await CliApp.RunAsync(args, console.Console, CancellationToken.None).WaitAsync(Bound);
        return (code, console.Lines);
    }

    /// <summary>Exit 2 and exactly one line that contains <paramref name="expected"/>, with no stack trace or .NET type name.</summary>
    public static async Task<string> ShouldBeRefused(string expected, params string[] args)
    {
        var (code, lines) = await Run(args);
        code.ShouldBe(ExitCodes.BadInput, string.Join('\n', lines));
        lines.Length.ShouldBe(1, string.Join('\n', lines));
        lines[0].ShouldContain(expected);
        lines[0].ShouldNotContain("   at ");
        lines[0].ShouldNotContain("System.");
        lines[0].ShouldNotContain("Exception");
        return lines[0];
    }

    public static void MakeFifo(string path) => Check(mkfifo(path, 0x1A4), "mkfifo", path);

    /// <summary>A character device like /dev/null (major 1, minor 3); needs the right to make devices, as the service has in its container.</summary>
    public static void MakeNullDevice(string path) => Check(mknod(path, 0x2000 | 0x1A4, (1UL << 8) | 3), "mknod", path);

    private static void Check(int result, string call, string path)
    {
        if (result != 0)
            throw new IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int mknod(string path, uint mode, ulong device);
}
