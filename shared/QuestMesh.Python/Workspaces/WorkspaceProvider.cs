using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;

namespace QuestMesh.Python.Workspaces;

/// <summary>Materialises a run's <see cref="SourceSpec"/> as a fresh writable copy per step.</summary>
public sealed class WorkspaceProvider(IOptions<PythonOptions> options, GitSourceCache git, ArchiveSourceCache archives)
{
    /// <summary>For callers that build the provider by hand (tests, tools): git and archive sources use default <see cref="SourceOptions"/>.</summary>
    public WorkspaceProvider(IOptions<PythonOptions> options) : this(options, Options.Create(new SourceOptions()), new TreeCache())
    {
    }

    private WorkspaceProvider(IOptions<PythonOptions> options, IOptions<SourceOptions> sources, TreeCache cache)
        : this(options, DefaultGit(sources, cache), DefaultArchives(sources, cache))
    {
    }

    /// <summary>Any source kind; git and archive sources are fetched or unpacked once per worker, then copied.</summary>
    public async Task<Workspace> CreateAsync(SourceSpec source, CancellationToken ct)
    {
        var tree = source.Kind switch
        {
            SourceKinds.Git => await git.GetTreeAsync(source.GitUrl, source.GitRef, ct),
            SourceKinds.Archive => await archives.GetTreeAsync(source.ArchiveSha256, ct),
            _ => null,
        };
        return tree is null ? Create(source) : NewWorkspace(workspace => TreeCopier.Copy(tree, workspace.Directory));
    }

    /// <summary>
    /// Path and inline sources. Git and archive sources block on <see cref="CreateAsync"/>, which is for
    /// callers not yet moved to it; new code should await <see cref="CreateAsync"/>.
    /// </summary>
    public Workspace Create(SourceSpec source) => source.Kind switch
    {
        SourceKinds.Path => NewWorkspace(workspace =>
            TreeCopier.Copy(source.Path ?? throw new WorkspaceException("a 'path' source needs a path"), workspace.Directory)),
        SourceKinds.Inline => NewWorkspace(workspace =>
        {
            foreach (var file in source.Files ?? [])
                workspace.WriteFile(file.Path, file.Content);
        }),
        SourceKinds.Git or SourceKinds.Archive => CreateAsync(source, CancellationToken.None).GetAwaiter().GetResult(),
        _ => throw new WorkspaceException($"source kind '{source.Kind}' is unknown; use 'path', 'git', 'archive' or 'inline'"),
    };

    private Workspace NewWorkspace(Action<Workspace> fill)
    {
        var root = options.Value.WorkRoot is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(root);
        var directory = Path.Combine(root, $"questmesh-ws-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var workspace = new Workspace(directory);
        try
        {
            fill(workspace);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static GitSourceCache DefaultGit(IOptions<SourceOptions> sources, TreeCache cache)
    {
        var cli = new GitCli(sources, new ProcessRunner());
        return new GitSourceCache(sources, cli, new GitRefResolver(cli), cache, NullLogger<GitSourceCache>.Instance);
    }

    private static ArchiveSourceCache DefaultArchives(IOptions<SourceOptions> sources, TreeCache cache) =>
        new(sources, new ArchiveStore(sources), new ArchiveExtractor(sources), cache, NullLogger<ArchiveSourceCache>.Instance);
}
