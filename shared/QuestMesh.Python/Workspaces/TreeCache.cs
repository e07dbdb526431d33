using System.Collections.Concurrent;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Materialises a cache directory once. Within a worker a lock per directory makes concurrent steps wait
/// for the first; across workers sharing the disk the tree is built in a temporary sibling and renamed
/// into place, so a directory that exists is always complete.
/// </summary>
public sealed class TreeCache
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Returns <paramref name="directory"/>, running <paramref name="fill"/> on an empty temporary directory first if it is missing.</summary>
    public async Task<string> GetOrAddAsync(string directory, Func<string, CancellationToken, Task> fill, CancellationToken ct)
    {
        if (Directory.Exists(directory))
            return directory;
        var gate = _locks.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Directory.Exists(directory))
                return directory;
            var parent = Path.GetDirectoryName(directory)!;
            Directory.CreateDirectory(parent);
            var temporary = Path.Combine(parent, $".tmp-{Path.GetFileName(directory)}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temporary);
            try
            {
                await fill(temporary, ct);
                Directory.Move(temporary, directory);
            }
            catch (IOException) when (Directory.Exists(directory))
            {
                // Another worker sharing the cache renamed its copy into place first; both are the same tree.
            }
            finally
            {
                DeleteQuietly(temporary);
            }
            return directory;
        }
        finally
        {
            gate.Release();
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
