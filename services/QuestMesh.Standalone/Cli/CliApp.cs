using System.CommandLine;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>The <c>questmesh</c> command line: parses, reports parse errors as bad input (exit 2), runs.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        RunAsync(args, CreateConsole(), cancellationToken);

    /// <summary>Colours on a terminal; plain, unwrapped text when the output goes to a file or a pipe (CI logs).</summary>
    private static IAnsiConsole CreateConsole()
    {
        if (!Console.IsOutputRedirected)
            return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        return console;
    }

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand(
            "QuestMesh writes unit tests for Python code and proves them with branch coverage and mutation testing.\n" + ExitCodes.Help)
        {
            RunCommand.Create(console),
            ServeCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(' ', parse.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            console.MarkupLineInterpolated($"[red]questmesh: {message}[/] (try 'questmesh --help')");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(cancellationToken: cancellationToken);
    }
}
