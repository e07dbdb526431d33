using QuestMesh.Python;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>How a command's failures become one line and an exit code: bad input 2, everything else 1.</summary>
public static class ErrorExits
{
    /// <summary>Bad input found while parsing: one line, exit 2.</summary>
    public static int Refuse(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]questmesh: {message}[/]");
        return ExitCodes.BadInput;
    }

    public static async Task<int> GuardAsync(IAnsiConsole console, CancellationToken cancellationToken, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception error) when (error is BadInputException or Orchestrator.Repositories.RepositoryInputException)
        {
            console.MarkupLineInterpolated($"[red]questmesh: {error.Message}[/]");
            return ExitCodes.BadInput;
        }
        catch (PythonEnvironmentException error)
        {
            console.MarkupLineInterpolated($"[red]questmesh: {error.Message}[/]");
            return ExitCodes.InternalError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]questmesh: cancelled[/]");
            return ExitCodes.InternalError;
        }
        catch (HarnessException error)
        {
            console.MarkupLineInterpolated($"[red]questmesh: {error.Message}[/]");
            if (error.Output is { Length: > 0 } output)
                Console.Error.WriteLine(output);
            return ExitCodes.InternalError;
        }
        catch (Exception error)
        {
            console.MarkupLineInterpolated($"[red]questmesh: internal error: {error.Message}[/]");
            Console.Error.WriteLine(error);
            return ExitCodes.InternalError;
        }
    }
}
