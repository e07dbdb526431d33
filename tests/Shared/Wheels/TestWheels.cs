using System.IO.Compression;
using System.Text;

namespace QuestMesh.Tests.Shared.Wheels;

/// <summary>Pure-Python wheels written by hand (a zip of the package and its dist-info): offline, no build step.</summary>
public static class TestWheels
{
    public static string Write(string folder, string name, string version, string code)
    {
        Directory.CreateDirectory(folder);
        var info = $"{name}-{version}.dist-info";
        var files = new Dictionary<string, string>
        {
            [$"{name}/__init__.py"] = code,
            [$"{info}/METADATA"] = $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
            [$"{info}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: questmesh-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        };
        files[$"{info}/RECORD"] = string.Concat(files.Keys.Append($"{info}/RECORD").Select(member => $"{member},,\n"));
        var path = Path.Combine(folder, $"{name}-{version}-py3-none-any.whl");
        using var wheel = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, text) in files)
        {
            using var stream = wheel.CreateEntry(member).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }
}
