using QuestMesh.Fixer.Repairs;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Fixer.Fixing;

/// <summary>Reads what the repairs need from a workspace: the target's source and the project's module names.</summary>
public static class RepairContextReader
{
    private const int MaxModules = 20_000;

    public static RepairContext Read(Workspace workspace, string targetFile, string suiteFile)
    {
        var modules = Directory.EnumerateFiles(workspace.Directory, "*.py", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(workspace.Directory, path).Replace('\\', '/'))
            .Where(relative => relative != suiteFile)
            .Take(MaxModules)
            .Select(ModuleNames.FromPath)
            .Distinct()
            .ToList();
        return new RepairContext
        {
            SuiteFile = suiteFile,
            TargetFile = ProjectPaths.Normalize(targetFile),
            TargetModule = ModuleNames.FromPath(targetFile),
            TargetSource = workspace.ReadFile(targetFile),
            ProjectModules = modules,
        };
    }
}
