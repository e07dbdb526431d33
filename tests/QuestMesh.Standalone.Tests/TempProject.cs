using System.Text;

namespace QuestMesh.Standalone.Tests;

/// <summary>A temporary folder holding a Python project (<see cref="Project"/>) and room outside it (<see cref="Root"/>).</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject() => Directory.CreateDirectory(Project);

    public string Root { get; } = Directory.CreateTempSubdirectory("qm-cli-").FullName;

    public string Project => Path.Combine(Root, "project");

    /// <summary>Writes a file under the project and returns its full path.</summary>
    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] data)
    {
        var path = Path.Combine(Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
