using System.CommandLine;
using QuestMesh.Standalone.Cli;

var root = new RootCommand("QuestMesh writes unit tests for Python code and proves them with branch coverage and mutation testing.\n" + ExitCodes.Help)
{
    RunCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"questmesh: {error.Message}");
    Console.Error.WriteLine("Try 'questmesh run --help'.");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
