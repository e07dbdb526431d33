using System.Text;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>
/// Every field of <c>POST /api/runs</c> checked before anything is sent: each problem is named by its field
/// with a sentence the caller can act on. What only Python can judge (the target's encoding, syntax,
/// imports) is the run's own first step to report.
/// </summary>
public sealed class SubmitRunValidator(IOptions<ApiOptions> api, IOptions<SourceOptions> sources, ArchiveStore archives)
{
    public static readonly IReadOnlyList<string> Strategies = ["auto", "search", "llm"];

    /// <summary>The command to publish, or the problems that stop it.</summary>
    public (SubmitRun? Command, FieldErrors Errors) Validate(SubmitRunRequest request, string? tenant)
    {
        var errors = new FieldErrors();
        var source = CheckSource(request.Source, errors);
        var target = CheckTarget(request.TargetFile, source, errors);
        var settings = CheckSettings(request.Settings ?? new RunSettingsRequest(), errors);
        if (request.Repository is not null)
            errors.Add("repository", "is for whole-repository runs; leave targetFile out to run the whole repository, or leave repository out");
        if (errors.Any || source is null || target is null)
            return (null, errors);
        return (new SubmitRun
        {
            RunId = MassTransit.NewId.NextGuid(),
            Source = source,
            TargetFile = target,
            Settings = settings,
            Tenant = tenant,
        }, errors);
    }

    /// <summary>A whole-repository run (no <c>targetFile</c>), or the problems that stop it.</summary>
    public (RepositoryOrder? Order, FieldErrors Errors) ValidateRepository(SubmitRunRequest request, string? tenant)
    {
        var errors = new FieldErrors();
        var source = CheckSource(request.Source, errors);
        var settings = CheckSettings(request.Settings ?? new RunSettingsRequest(), errors);
        var repository = request.Repository ?? new RepositoryRequest();
        var limits = new RepositoryLimits(repository.MaxModules, repository.ModuleBudgetSeconds ?? 900, repository.TotalBudgetSeconds ?? 3600,
            repository.Parallel ?? 2);
        var gate = new GateThresholds(repository.MinCoverage, repository.MinDelta);
        foreach (var (option, problem) in RepositoryRules.Problems(limits, gate))
            errors.Add(RepositoryFields[option], problem);
        if (errors.Any || source is null)
            return (null, errors);
        return (new RepositoryOrder(MassTransit.NewId.NextGuid(), tenant, source, settings, limits, gate), errors);
    }

    private static readonly Dictionary<RepositoryRules.Option, string> RepositoryFields = new()
    {
        [RepositoryRules.Option.MaxModules] = "repository.maxModules",
        [RepositoryRules.Option.ModuleBudget] = "repository.moduleBudgetSeconds",
        [RepositoryRules.Option.TotalBudget] = "repository.totalBudgetSeconds",
        [RepositoryRules.Option.Parallel] = "repository.parallel",
        [RepositoryRules.Option.MinCoverage] = "repository.minCoverage",
        [RepositoryRules.Option.MinDelta] = "repository.minDelta",
    };

    private SourceSpec? CheckSource(SourceRequest? source, FieldErrors errors)
    {
        if (source is null)
        {
            errors.Add("source", """is required: an object such as {"kind":"inline","files":[{"path":"pkg/mod.py","content":"…"}]}""");
            return null;
        }
        var kind = source.Kind;
        if (string.IsNullOrWhiteSpace(kind))
        {
            errors.Add("source.kind", "is required: inline, git or archive");
            return null;
        }
        if (kind == SourceKinds.Path)
        {
            errors.Add("source.kind", "'path' names a folder on the server and is for the questmesh command only; use inline, git or archive");
            return null;
        }
        OnlyFor(kind, SourceKinds.Git, "source.gitUrl", source.GitUrl, errors);
        OnlyFor(kind, SourceKinds.Git, "source.gitRef", source.GitRef, errors);
        OnlyFor(kind, SourceKinds.Archive, "source.archiveSha256", source.ArchiveSha256, errors);
        OnlyFor(kind, SourceKinds.Inline, "source.files", source.Files, errors);
        OnlyFor(kind, "none", "source.path", source.Path, errors);
        return kind switch
        {
            SourceKinds.Inline => CheckInline(source.Files, errors),
            SourceKinds.Git => CheckGit(source.GitUrl, source.GitRef, errors),
            SourceKinds.Archive => CheckArchive(source.ArchiveSha256, errors),
            _ => Unknown(kind, errors),
        };
    }

    private static SourceSpec? Unknown(string kind, FieldErrors errors)
    {
        errors.Add("source.kind", $"'{Shown(kind)}' is not a source kind; use inline, git or archive");
        return null;
    }

    private static void OnlyFor(string kind, string owner, string field, object? value, FieldErrors errors)
    {
        if (value is not null && kind != owner)
            errors.Add(field, owner == "none"
                ? "is not accepted over HTTP; send the files inline, or a git URL, or an uploaded archive"
                : $"belongs to '{owner}' sources; this one is '{Shown(kind)}'");
    }

    private SourceSpec? CheckInline(IReadOnlyList<InlineFileRequest?>? files, FieldErrors errors)
    {
        var limits = api.Value;
        if (files is null || files.Count == 0)
        {
            errors.Add("source.files", """is required for an inline source: a list of {"path":"pkg/mod.py","content":"…"}""");
            return null;
        }
        if (files.Count > limits.MaxInlineFiles)
        {
            errors.Add("source.files", $"has {files.Count} files; at most {limits.MaxInlineFiles} are accepted (Api:MaxInlineFiles); upload a tar.gz to /api/sources instead");
            return null;
        }
        var accepted = new List<InlineFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var field = $"source.files[{i}]";
            if (files[i] is not { } file)
            {
                errors.Add(field, """is null; each file is {"path":"…","content":"…"}""");
                continue;
            }
            if (file.Path is null)
                errors.Add($"{field}.path", "is required");
            else if (ProjectPathRules.Problem(file.Path) is { } problem)
                errors.Add($"{field}.path", problem);
            else if (!paths.Add(file.Path))
                errors.Add($"{field}.path", $"'{file.Path}' appears more than once");
            if (file.Content is null)
                errors.Add($"{field}.content", """is required (use "" for an empty file)""");
            else if (Encoding.UTF8.GetByteCount(file.Content) > limits.MaxInlineFileBytes)
                errors.Add($"{field}.content", $"is larger than {limits.MaxInlineFileBytes} bytes (Api:MaxInlineFileBytes); upload a tar.gz to /api/sources instead");
            if (file.Path is not null && file.Content is not null)
                accepted.Add(new InlineFile(file.Path, file.Content));
        }
        foreach (var path in paths)
        {
            var folder = path;
            while (folder.LastIndexOf('/') is var cut and > 0)
            {
                folder = folder[..cut];
                if (paths.Contains(folder))
                    errors.Add("source.files", $"'{folder}' is a file and also the folder of '{path}'");
            }
        }
        return new SourceSpec { Kind = SourceKinds.Inline, Files = accepted };
    }

    private SourceSpec? CheckGit(string? url, string? gitRef, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add("source.gitUrl", "is required for a git source, e.g. https://host/owner/repo.git");
            return null;
        }
        if (GitUrlProblem(url.Trim(), sources.Value.GitProtocols) is { } urlProblem)
            errors.Add("source.gitUrl", urlProblem);
        if (gitRef is not null && GitRefProblem(gitRef.Trim()) is { } refProblem)
            errors.Add("source.gitRef", refProblem);
        return new SourceSpec { Kind = SourceKinds.Git, GitUrl = url.Trim(), GitRef = string.IsNullOrWhiteSpace(gitRef) ? null : gitRef.Trim() };
    }

    private static string? GitUrlProblem(string url, string protocols)
    {
        if (url.Length > 2048)
            return "is longer than 2048 characters";
        if (url.StartsWith('-') || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            return "is not a git URL (no spaces, control characters or leading '-')";
        var allowed = protocols.Split(':');
        if (url.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return allowed.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"uses '{uri.Scheme}', which this installation does not allow (Sources:GitProtocols is {protocols})";
        var at = url.IndexOf('@');
        var colon = url.IndexOf(':');
        if (at > 0 && colon > at + 1 && colon < url.Length - 1 && !url[..colon].Contains('/'))
            return allowed.Contains("ssh") ? null : $"is an ssh address, which this installation does not allow (Sources:GitProtocols is {protocols})";
        return "is not a git URL; give https://host/owner/repo.git, ssh://…, or user@host:owner/repo.git";
    }

    private static string? GitRefProblem(string gitRef)
    {
        if (gitRef.Length == 0)
            return null;
        if (gitRef.Length > 255)
            return "is longer than 255 characters";
        if (gitRef.StartsWith('-') || gitRef.Contains("..", StringComparison.Ordinal) || gitRef.Contains("@{", StringComparison.Ordinal)
            || gitRef.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\'))
            return "is not a git ref; give a branch, a tag or a commit sha";
        return null;
    }

    private SourceSpec? CheckArchive(string? sha256, FieldErrors errors)
    {
        string sha;
        try
        {
            sha = ArchiveStore.NormalizeSha256(sha256);
        }
        catch (WorkspaceException error)
        {
            errors.Add("source.archiveSha256", $"{error.Message}; upload the tar.gz to POST /api/sources, which answers with it");
            return null;
        }
        if (!File.Exists(archives.PathOf(sha)))
        {
            errors.Add("source.archiveSha256", $"no archive {sha} was uploaded here; upload the tar.gz to POST /api/sources first");
            return null;
        }
        return new SourceSpec { Kind = SourceKinds.Archive, ArchiveSha256 = sha };
    }

    private static string? CheckTarget(string? target, SourceSpec? source, FieldErrors errors)
    {
        if (target is null)
        {
            errors.Add("targetFile", "is required: the module to test, relative to the project root, such as pkg/module.py");
            return null;
        }
        if (ProjectPathRules.TargetProblem(target) is { } problem)
        {
            errors.Add("targetFile", problem);
            return null;
        }
        if (source is { Kind: SourceKinds.Inline, Files: { } files } && files.All(f => f.Path != target))
        {
            errors.Add("targetFile", $"'{target}' is not among source.files; add it there or correct the path");
            return null;
        }
        return target;
    }

    private static RunSettings CheckSettings(RunSettingsRequest request, FieldErrors errors)
    {
        var defaults = new RunSettings();
        var settings = new RunSettings
        {
            MaxAttempts = request.MaxAttempts ?? defaults.MaxAttempts,
            TargetCoverage = request.TargetCoverage ?? defaults.TargetCoverage,
            TargetMutation = request.TargetMutation ?? defaults.TargetMutation,
            Strategy = request.Strategy ?? defaults.Strategy,
            Seed = request.Seed ?? defaults.Seed,
            MaxFixRounds = request.MaxFixRounds ?? defaults.MaxFixRounds,
            SearchBudgetSeconds = request.SearchBudgetSeconds ?? defaults.SearchBudgetSeconds,
            MaxMutants = request.MaxMutants,
        };
        if (settings.MaxAttempts is < 1 or > 50)
            errors.Add("settings.maxAttempts", $"must be between 1 and 50, not {settings.MaxAttempts}");
        if (settings.TargetCoverage is not (>= 0 and <= 100))
            errors.Add("settings.targetCoverage", $"must be a percentage between 0 and 100, not {settings.TargetCoverage}");
        if (settings.TargetMutation is not (>= 0 and <= 100))
            errors.Add("settings.targetMutation", $"must be a percentage between 0 and 100, not {settings.TargetMutation}");
        if (!Strategies.Contains(settings.Strategy))
            errors.Add("settings.strategy", $"'{Shown(settings.Strategy)}' is not a strategy; use auto, search or llm");
        if (settings.Seed < 0)
            errors.Add("settings.seed", $"must be 0 or more, not {settings.Seed}");
        if (settings.MaxFixRounds is < 0 or > 10)
            errors.Add("settings.maxFixRounds", $"must be between 0 and 10, not {settings.MaxFixRounds}");
        if (settings.SearchBudgetSeconds is < 1 or > 3600)
            errors.Add("settings.searchBudgetSeconds", $"must be between 1 and 3600 seconds, not {settings.SearchBudgetSeconds}");
        if (settings.MaxMutants is < 1 or > 100_000)
            errors.Add("settings.maxMutants", $"must be between 1 and 100000 (or left out to score every mutant), not {settings.MaxMutants}");
        return settings;
    }

    /// <summary>A value the caller sent, cut short and without control characters, for a message.</summary>
    private static string Shown(string value)
    {
        var clean = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
