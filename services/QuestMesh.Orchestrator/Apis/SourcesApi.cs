using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Orchestrator.Apis.Responses;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// <c>POST /api/sources</c>: a project as a tar.gz, kept by its sha256 for <c>archive</c> sources. It is
/// unpacked once on arrival, under the same limits a worker applies (entries, sizes, depth, paths that
/// stay inside), so a bomb or an escaping archive is refused here rather than failing a run later.
/// </summary>
public static class SourcesApi
{
    private static readonly string[] ArchiveTypes = ["application/gzip", "application/x-gzip", "application/octet-stream", "application/x-tar+gzip"];

    public static RouteGroupBuilder MapSources(this RouteGroupBuilder sources)
    {
        sources.MapPost("/", Upload)
            .Accepts<Stream>("application/gzip", "application/octet-stream", "multipart/form-data")
            .WithSummary("Upload a project archive")
            .WithDescription("The body is a tar.gz of the project (Content-Type: application/gzip), or a multipart form with one file. "
                + "Answers with its sha256, to give as source.archiveSha256 in POST /api/runs.");
        return sources;
    }

    private static async Task<Results<Ok<SourceUploaded>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpRequest request, ArchiveStore store, ArchiveExtractor extractor, IOptions<ApiOptions> api, IOptions<SourceOptions> sources)
    {
        var (limit, setting) = api.Value.MaxArchiveBytes <= sources.Value.MaxArchiveBytes
            ? (api.Value.MaxArchiveBytes, "Api:MaxArchiveBytes")
            : (sources.Value.MaxArchiveBytes, "Sources:MaxArchiveBytes");
        var ct = request.HttpContext.RequestAborted;
        var media = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value ?? "" : "";
        string sha;
        try
        {
            if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var file = await FirstFileAsync(request, parsed!, limit, setting, ct);
                if (file is null)
                    return Problems.Invalid("file", "is missing: send the tar.gz as a file field of the form (curl -F file=@project.tar.gz)");
                sha = await store.SaveAsync(file, ct);
            }
            else if (ArchiveTypes.Contains(media, StringComparer.OrdinalIgnoreCase))
                sha = await store.SaveAsync(RequestBodies.Limited(request, limit, setting), ct);
            else
                return Problems.UnsupportedMediaType(
                    "Send the tar.gz as the body with 'Content-Type: application/gzip' (curl --data-binary @project.tar.gz -H 'Content-Type: application/gzip'), or as a multipart form file.");
        }
        catch (WorkspaceException error)
        {
            return Problems.Invalid("archive", error.Message, "The archive is not accepted");
        }
        catch (InvalidDataException error)
        {
            return Problems.Invalid("body", $"is not a readable multipart form: {error.Message}", "The upload could not be read");
        }
        if (await UnpackProblemAsync(store.PathOf(sha), extractor, sources.Value, ct) is { } problem)
        {
            File.Delete(store.PathOf(sha));
            return Problems.Invalid("archive", problem, "The archive is not accepted");
        }
        return TypedResults.Ok(new SourceUploaded(sha, new FileInfo(store.PathOf(sha)).Length));
    }

    /// <summary>The first file part of a multipart body, read straight from the (limited) body.</summary>
    private static async Task<Stream?> FirstFileAsync(HttpRequest request, MediaTypeHeaderValue media, long limit, string setting, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            return null;
        var reader = new MultipartReader(boundary, RequestBodies.Limited(request, limit, setting));
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return section.Body;
        }
        return null;
    }

    /// <summary>Unpacks the archive into a scratch folder under the workers' limits; why it cannot be used, or null.</summary>
    private static async Task<string?> UnpackProblemAsync(string path, ArchiveExtractor extractor, SourceOptions sources, CancellationToken ct)
    {
        var scratch = Path.Combine(sources.CacheRoot, $".upload-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            await using (var archive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                await extractor.ExtractAsync(archive, scratch, ct);
            return Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories).Any()
                ? null
                : "holds no files; build it with 'tar czf project.tar.gz -C project .'";
        }
        catch (WorkspaceException error)
        {
            return error.Message;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
