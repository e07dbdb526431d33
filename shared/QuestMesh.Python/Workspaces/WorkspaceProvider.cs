using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python.Environments;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Materialises a run's <see cref="SourceSpec"/> as a fresh writable copy per step. A source with requirements gets
/// its dependency environment prepared (once per worker) and attached to each copy, so the sandboxed harness commands
/// run there use it.
/// </summary>
public sealed class WorkspaceProvider(
    IOptions<PythonOptions> options,
    IOptions<SourceOptions> sources,
    GitSourceCache git,
    ArchiveSourceCache archives,
    DependencyEnvironments? environments = null,
    WorkspaceRuntimes? runtimes = null)
{
    /// <summary>
    /// For callers that build the provider by hand (tests, tools): git and archive sources use default
    /// <see cref="SourceOptions"/>, and a source's requirements are refused (there are no dependency environments).
    /// </summary>
    public WorkspaceProvider(IOptions<PythonOptions> options) : this(options, Options.Create(new SourceOptions()), new TreeCache())
    {
    }

    private WorkspaceProvider(IOptions<PythonOptions> options, IOptions<SourceOptions> sources, TreeCache cache)
        : this(options, sources, DefaultGit(sources, cache), DefaultArchives(sources, cache))
    {
    }

    /// <summary>Any source kind; git and archive sources are fetched or unpacked once per worker, then copied.</summary>
    public async Task<Workspace> CreateAsync(SourceSpec source, CancellationToken ct)
    {
        var environment = await PrepareAsync(source, ct);
        var tree = source.Kind switch
        {
            SourceKinds.Git => await git.GetTreeAsync(source.GitUrl, source.GitRef, ct),
            SourceKinds.Archive => await archives.GetTreeAsync(source.ArchiveSha256, ct),
            _ => null,
        };
        var workspace = tree is null ? CreateCopy(source) : NewWorkspace(directory => TreeCopier.Copy(Within(tree, source.Root), directory, Limits));
        if (environment is null)
            return workspace;
        if (environment.Runtime is not { } runtime)
            return new Workspace(workspace.Directory) { Environment = environment };
        runtimes!.Attach(workspace.Directory, runtime);
        return new Workspace(workspace.Directory, () => runtimes.Detach(workspace.Directory)) { Environment = environment };
    }

    /// <summary>The source's dependency environment; null without requirements.</summary>
    private async Task<DependencyEnvironment?> PrepareAsync(SourceSpec source, CancellationToken ct)
    {
        if (source.Requirements is not { Count: > 0 } requirements)
            return null;
        if (environments is null || runtimes is null)
            throw new WorkspaceException("this workspace provider was built without dependency environments; the source's requirements cannot be installed");
        return await environments.PrepareAsync(requirements, ct);
    }

    /// <summary>
    /// Path and inline sources without requirements. Git and archive sources block on <see cref="CreateAsync"/>, which
    /// is for callers not yet moved to it; new code should await <see cref="CreateAsync"/>.
    /// </summary>
    public Workspace Create(SourceSpec source) => source.Requirements is { Count: > 0 }
        ? throw new WorkspaceException("a source with requirements needs CreateAsync, which prepares its dependency environment")
        : CreateCopy(source);

    private Workspace CreateCopy(SourceSpec source) => source.Kind switch
    {
        SourceKinds.Path => NewWorkspace(directory =>
            TreeCopier.Copy(Within(source.Path ?? throw new WorkspaceException("a 'path' source needs a path"), source.Root), directory, Limits)),
        SourceKinds.Inline => NewWorkspace(directory =>
        {
            var workspace = new Workspace(directory);
            var prefix = RootPrefix(source.Root);
            foreach (var file in source.Files ?? [])
            {
                // Under a root, the files below it, the rest of their path checked by WriteFile as any file's is.
                var path = prefix.Length == 0 ? file.Path : file.Path.Replace('\\', '/');
                if (prefix.Length == 0 || path.StartsWith(prefix, StringComparison.Ordinal))
                    workspace.WriteFile(path[prefix.Length..], file.Content);
            }
        }),
        SourceKinds.Git or SourceKinds.Archive => CreateAsync(source, CancellationToken.None).GetAwaiter().GetResult(),
        _ => throw new WorkspaceException($"source kind '{source.Kind}' is unknown; use 'path', 'git', 'archive' or 'inline'"),
    };

    private TreeLimits Limits => TreeLimits.From(sources.Value);

    /// <summary>The folder <paramref name="root"/> names inside <paramref name="tree"/>; it must be there and stay inside it (links included).</summary>
    private static string Within(string tree, string? root)
    {
        if (RootPrefix(root).Length == 0)
            return tree;
        var folder = ProjectPaths.Resolve(tree, root!);
        var real = Unix.UnixFiles.RealPath(folder);
        var realTree = Unix.UnixFiles.RealPath(tree) ?? tree;
        if (real is null || !Directory.Exists(real))
            throw new WorkspaceException($"the source has no folder '{root}'");
        if (!Unix.UnixFiles.IsWithin(real, realTree))
            throw new WorkspaceException($"the folder '{root}' leads out of the source");
        return real;
    }

    private static string RootPrefix(string? root) =>
        string.IsNullOrWhiteSpace(root) || root.Trim() is "." or "./" ? "" : root.Replace('\\', '/').TrimEnd('/') + "/";

    /// <summary>A new folder that only the service's user can enter (the sandbox is given it for one step by <see cref="Sandboxing.Sandbox"/>).</summary>
    private Workspace NewWorkspace(Action<string> fill)
    {
        var directory = PrivateFolders.Create(options.Value, "ws");
        try
        {
            fill(directory);
            return new Workspace(directory);
        }
        catch
        {
            new Workspace(directory).Dispose();
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
