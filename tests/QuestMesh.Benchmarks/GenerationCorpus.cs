using System.Diagnostics;
using System.Text.Json;

namespace QuestMesh.Benchmarks;

/// <summary>One target of the generation corpus, as its <c>target.json</c> describes it.</summary>
public sealed record GenerationTarget(string Id, string Module, string File, string OriginalPath, string Folder,
    int Statements, int Branches);

/// <summary>
/// The generation corpus (shared/bench/materialize-generation-corpus.sh) and the project folder each target is
/// generated in. The corpus keeps only the target file; the importable code is the installed Debian package.
/// So the project is a copy of the whole installed top-level package under <c>src/</c> with the corpus file
/// at its import path: the harness puts <c>src/</c> first on <c>sys.path</c>, the copy is what gets imported,
/// and coverage and mutation measure the file named in the request.
/// </summary>
public static class GenerationCorpus
{
    public static async Task<string?> MaterializeAsync(string sharedDirectory, string outputDirectory)
    {
        var script = Path.Combine(sharedDirectory, "bench", "materialize-generation-corpus.sh");
        if (!File.Exists(script))
        {
            Console.Error.WriteLine($"quest bench: no corpus script at {script} (use --shared DIR or --corpus DIR)");
            return null;
        }
        // The script's own report goes to standard error too: standard output is the table.
        var start = new ProcessStartInfo("bash", [script, outputDirectory]) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (Environment.UserName != "root")
            start.Environment["NO_APT"] = "1"; // apt-get needs root: the packages must already be installed
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.Error.Write(await output);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"quest bench: the corpus script failed ({process.ExitCode}): {errors.Trim()}");
            return null;
        }
        return outputDirectory;
    }

    public static List<GenerationTarget> Read(string corpus)
    {
        var split = Path.Combine(corpus, "public");
        var root = Directory.Exists(split) ? split : corpus;
        var targets = new List<GenerationTarget>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, "target.json");
            if (!File.Exists(path))
                continue;
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var t = json.RootElement;
            targets.Add(new GenerationTarget(t.GetProperty("id").GetString()!, t.GetProperty("module").GetString()!,
                t.GetProperty("file").GetString()!, t.GetProperty("original_path").GetString()!, folder,
                t.GetProperty("statements").GetInt32(), t.GetProperty("branches").GetInt32()));
        }
        return targets;
    }

    /// <summary>A fresh project folder for one target: <c>src/&lt;top package&gt;</c> copied from the installed
    /// package, then the corpus's copy of the target written over its file.</summary>
    public static string Prepare(GenerationTarget target)
    {
        var project = Directory.CreateTempSubdirectory("questmesh-gen-").FullName;
        var relative = target.File["src/".Length..]; // django/views/static.py, or difflib_copy.py
        var parts = relative.Split('/');
        // A package target brings its installed package along; a `_copy` target (standard library, single
        // file) is imported by its new name and stands alone, so nothing it shadows is copied.
        if (parts.Length > 1 && target.OriginalPath.EndsWith(relative, StringComparison.Ordinal))
            CopyTree(Path.Combine(target.OriginalPath[..^relative.Length].TrimEnd('/'), parts[0]),
                Path.Combine(project, "src", parts[0]));
        var destination = Path.Combine(project, target.File);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(Path.Combine(target.Folder, target.File), destination, overwrite: true);
        return project;
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories).Where(d => !d.Contains("__pycache__")))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__")))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
    }
}
