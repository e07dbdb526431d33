using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace QuestMesh.Tests.Shared.Api;

/// <summary>
/// Malformed and hostile requests to the runs API, each with the 4xx it must get. The API under test
/// runs with <see cref="Limits"/>, so size limits are crossed with small bodies.
/// </summary>
public static class HostileRequests
{
    public const string TenantHeader = "X-QuestMesh-Tenant";
    public const int MaxRequestBytes = 256 * 1024;
    public const int MaxInlineFiles = 20;
    public const int MaxInlineFileBytes = 64 * 1024;
    public const int MaxArchiveBytes = 1024 * 1024;
    public const int MaxUnpackedBytes = 4 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string?> Limits = new Dictionary<string, string?>
    {
        ["Api:MaxRequestBytes"] = $"{MaxRequestBytes}",
        ["Api:MaxInlineFiles"] = $"{MaxInlineFiles}",
        ["Api:MaxInlineFileBytes"] = $"{MaxInlineFileBytes}",
        ["Api:MaxArchiveBytes"] = $"{MaxArchiveBytes}",
        ["Sources:MaxUnpackedBytes"] = $"{MaxUnpackedBytes}",
    };

    /// <summary>Which API a case is for: the one behind the gateway (trusted tenant header), the one without, or both.</summary>
    public enum Mode { Any, TrustedTenant, UntrustedTenant }

    /// <summary>
    /// One case: <see cref="Build"/> gets a run of the caller's own (to aim at its artifacts) and answers the
    /// request; <see cref="Status"/> is what it must get, with problem details.
    /// </summary>
    public sealed record Case(string Name, HttpStatusCode Status, Func<Guid, HttpRequestMessage> Build, Mode For = Mode.Any, bool FieldErrors = false);

    private static readonly HttpMethod Post = HttpMethod.Post;

    public static IEnumerable<Case> For(bool trustedTenant) =>
        All.Where(c => c.For == Mode.Any || c.For == (trustedTenant ? Mode.TrustedTenant : Mode.UntrustedTenant));

    public static readonly IReadOnlyList<Case> All =
    [
        // Bodies that are not the JSON of a run.
        Run("bad JSON", "{\"source\":", HttpStatusCode.BadRequest),
        Run("not JSON at all", "hello, world", HttpStatusCode.BadRequest),
        Run("a JSON array", "[1,2,3]", HttpStatusCode.BadRequest),
        Run("JSON null", "null", HttpStatusCode.BadRequest),
        Run("an empty body", "", HttpStatusCode.BadRequest),
        Run("JSON nested 100 deep", new string('[', 100) + new string(']', 100), HttpStatusCode.BadRequest),
        Run("trailing garbage", GoodRunJson() + " x", HttpStatusCode.BadRequest),
        new("text/plain body", HttpStatusCode.UnsupportedMediaType, _ => Request(Post, "/api/runs", new StringContent(GoodRunJson(), Encoding.UTF8, "text/plain"))),
        new("no content type", HttpStatusCode.UnsupportedMediaType, _ => Request(Post, "/api/runs", new ByteArrayContent(Encoding.UTF8.GetBytes(GoodRunJson())))),
        // Wrong types.
        Run("maxAttempts as a string", With(b => Settings(b)["maxAttempts"] = "3"), HttpStatusCode.BadRequest),
        Run("maxAttempts with a fraction", With(b => Settings(b)["maxAttempts"] = 1.5), HttpStatusCode.BadRequest),
        Run("maxAttempts past Int32", With(b => Settings(b)["maxAttempts"] = 99999999999L), HttpStatusCode.BadRequest),
        Run("maxAttempts as true", With(b => Settings(b)["maxAttempts"] = true), HttpStatusCode.BadRequest),
        Run("targetFile as a number", With(b => b["targetFile"] = 3), HttpStatusCode.BadRequest),
        Run("files as an object", With(b => Source(b)["files"] = new JsonObject()), HttpStatusCode.BadRequest),
        Run("a file that is null", With(b => Files(b).Add(null)), HttpStatusCode.BadRequest),
        Run("file content as a list", With(b => Files(b)[0]!["content"] = new JsonArray()), HttpStatusCode.BadRequest),
        Run("settings as a list", With(b => b["settings"] = new JsonArray()), HttpStatusCode.BadRequest),
        Run("a misspelt setting", With(b => Settings(b)["maxAttempt"] = 1), HttpStatusCode.BadRequest),
        Run("targetFile given twice", GoodRunJson().TrimEnd('}') + ",\"targetFile\":\"shop/__init__.py\"}", HttpStatusCode.BadRequest),
        // Missing or unknown fields.
        Run("no source", With(b => b.Remove("source")), HttpStatusCode.BadRequest),
        Run("repository options with a targetFile", With(b => b["repository"] = new JsonObject { ["parallel"] = 2 }), HttpStatusCode.BadRequest),
        Run("a repository run without a source", With(b => { b.Remove("targetFile"); b.Remove("source"); }), HttpStatusCode.BadRequest),
        Run("a repository run with parallel 0", With(b => { b.Remove("targetFile"); b["repository"] = new JsonObject { ["parallel"] = 0 }; }), HttpStatusCode.BadRequest),
        Run("a repository run with a misspelt option", With(b => { b.Remove("targetFile"); b["repository"] = new JsonObject { ["minCoverag"] = 80 }; }), HttpStatusCode.BadRequest),
        Run("a repository run with minCoverage 120", With(b => { b.Remove("targetFile"); b["repository"] = new JsonObject { ["minCoverage"] = 120 }; }), HttpStatusCode.BadRequest),
        Run("no source kind", With(b => Source(b).Remove("kind")), HttpStatusCode.BadRequest),
        Run("unknown source kind", With(b => Source(b)["kind"] = "ftp"), HttpStatusCode.BadRequest),
        Run("a path source (server folder)", With(b => { Source(b)["kind"] = "path"; Source(b)["path"] = "/etc"; }), HttpStatusCode.BadRequest),
        Run("a git field on an inline source", With(b => Source(b)["gitUrl"] = "https://example.invalid/x.git"), HttpStatusCode.BadRequest),
        Run("inline without files", With(b => Source(b)["files"] = new JsonArray()), HttpStatusCode.BadRequest),
        // The target.
        Run("target climbing out", With(b => b["targetFile"] = "../../etc/passwd.py"), HttpStatusCode.BadRequest),
        Run("target absolute", With(b => b["targetFile"] = "/etc/passwd"), HttpStatusCode.BadRequest),
        Run("target with backslashes", With(b => b["targetFile"] = "shop\\pricing.py"), HttpStatusCode.BadRequest),
        Run("target not a .py file", With(b => b["targetFile"] = "shop/pricing.txt"), HttpStatusCode.BadRequest),
        Run("target not among the files", With(b => b["targetFile"] = "shop/other.py"), HttpStatusCode.BadRequest),
        Run("target not importable", With(b => { Files(b).Add(File("shop/my-mod.py", "x = 1\n")); b["targetFile"] = "shop/my-mod.py"; }), HttpStatusCode.BadRequest),
        Run("target named by a keyword", With(b => { Files(b).Add(File("shop/class.py", "x = 1\n")); b["targetFile"] = "shop/class.py"; }), HttpStatusCode.BadRequest),
        // Inline files.
        Run("inline path climbing out", With(b => Files(b).Add(File("../evil.py", "x = 1\n"))), HttpStatusCode.BadRequest),
        Run("inline absolute path", With(b => Files(b).Add(File("/tmp/evil.py", "x = 1\n"))), HttpStatusCode.BadRequest),
        Run("inline path with a NUL", With(b => Files(b).Add(File("shop/\u0000evil.py", "x = 1\n"))), HttpStatusCode.BadRequest),
        Run("inline path hidden in ./", With(b => Files(b).Add(File("shop/./../../evil.py", ""))), HttpStatusCode.BadRequest),
        Run("inline empty path", With(b => Files(b).Add(File("", ""))), HttpStatusCode.BadRequest),
        Run("inline duplicate path", With(b => Files(b).Add(File("shop/__init__.py", ""))), HttpStatusCode.BadRequest),
        Run("inline file that is also a folder", With(b => Files(b).Add(File("shop", ""))), HttpStatusCode.BadRequest),
        Run("too many inline files", With(b => { for (var i = 0; i < MaxInlineFiles; i++) Files(b).Add(File($"pad/m{i}.py", "")); }), HttpStatusCode.BadRequest),
        Run("an inline file too large", With(b => Files(b).Add(File("shop/big.py", new string('x', MaxInlineFileBytes + 1)))), HttpStatusCode.BadRequest),
        Run("a body past Api:MaxRequestBytes", With(b => Files(b).Add(File("shop/huge.py", new string('#', MaxRequestBytes)))), HttpStatusCode.RequestEntityTooLarge, fieldErrors: false),
        // Settings.
        Run("unknown strategy", With(b => Settings(b)["strategy"] = "gpt-9"), HttpStatusCode.BadRequest),
        Run("negative budget", With(b => Settings(b)["searchBudgetSeconds"] = -5), HttpStatusCode.BadRequest),
        Run("huge budget", With(b => Settings(b)["searchBudgetSeconds"] = 1_000_000), HttpStatusCode.BadRequest),
        Run("zero attempts", With(b => Settings(b)["maxAttempts"] = 0), HttpStatusCode.BadRequest),
        Run("too many attempts", With(b => Settings(b)["maxAttempts"] = 51), HttpStatusCode.BadRequest),
        Run("coverage target over 100", With(b => Settings(b)["targetCoverage"] = 150), HttpStatusCode.BadRequest),
        Run("negative mutation target", With(b => Settings(b)["targetMutation"] = -1), HttpStatusCode.BadRequest),
        Run("zero mutants", With(b => Settings(b)["maxMutants"] = 0), HttpStatusCode.BadRequest),
        Run("negative seed", With(b => Settings(b)["seed"] = -1), HttpStatusCode.BadRequest),
        Run("too many fix rounds", With(b => Settings(b)["maxFixRounds"] = 99), HttpStatusCode.BadRequest),
        // Git and archive sources.
        Run("git URL as an option", WithSource(new JsonObject { ["kind"] = "git", ["gitUrl"] = "--upload-pack=touch /tmp/pwned" }), HttpStatusCode.BadRequest),
        Run("git ext:: transport", WithSource(new JsonObject { ["kind"] = "git", ["gitUrl"] = "ext::sh -c touch% /tmp/pwned" }), HttpStatusCode.BadRequest),
        Run("git URL of a disallowed scheme", WithSource(new JsonObject { ["kind"] = "git", ["gitUrl"] = "gopher://example.invalid/x" }), HttpStatusCode.BadRequest),
        Run("git ref as an option", WithSource(new JsonObject { ["kind"] = "git", ["gitUrl"] = "https://example.invalid/x.git", ["gitRef"] = "--output=/tmp/x" }), HttpStatusCode.BadRequest),
        Run("git without a URL", WithSource(new JsonObject { ["kind"] = "git" }), HttpStatusCode.BadRequest),
        Run("archive sha not hex", WithSource(new JsonObject { ["kind"] = "archive", ["archiveSha256"] = "../../etc/passwd" }), HttpStatusCode.BadRequest),
        Run("archive never uploaded", WithSource(new JsonObject { ["kind"] = "archive", ["archiveSha256"] = new string('a', 64) }), HttpStatusCode.BadRequest),
        // Runs that are not there, names that climb.
        new("a run id that is no GUID", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, "/api/runs/not-a-run")),
        new("an unknown run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}")),
        new("cancelling an unknown run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Delete, $"/api/runs/{Guid.NewGuid()}")),
        new("artifacts of an unknown run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}/artifacts")),
        new("an artifact of an unknown run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}/artifacts/events.log")),
        new("events of an unknown run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}/events")),
        new("artifact name climbing out (encoded)", HttpStatusCode.BadRequest, run => Request(HttpMethod.Get, $"/api/runs/{run}/artifacts/..%2F..%2F..%2Fetc%2Fpasswd"), FieldErrors: true),
        new("artifact name absolute (encoded)", HttpStatusCode.BadRequest, run => Request(HttpMethod.Get, $"/api/runs/{run}/artifacts/%2Fetc%2Fpasswd"), FieldErrors: true),
        new("artifact name with a backslash", HttpStatusCode.BadRequest, run => Request(HttpMethod.Get, $"/api/runs/{run}/artifacts/..%5C..%5Cetc%5Cpasswd"), FieldErrors: true),
        new("a run id as a repository run", HttpStatusCode.NotFound, run => Request(HttpMethod.Get, $"/api/repository-runs/{run}")),
        new("an unknown repository run", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, $"/api/repository-runs/{Guid.NewGuid()}")),
        new("a repository run id that is no id", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, "/api/repository-runs/..%2F..%2Fetc")),
        new("an artifact the run does not have", HttpStatusCode.NotFound, run => Request(HttpMethod.Get, $"/api/runs/{run}/artifacts/final/nothing.py")),
        // List parameters.
        new("list with an unknown status", HttpStatusCode.BadRequest, _ => Request(HttpMethod.Get, "/api/runs?status=finished"), FieldErrors: true),
        new("list page 0", HttpStatusCode.BadRequest, _ => Request(HttpMethod.Get, "/api/runs?page=0"), FieldErrors: true),
        new("list page not a number", HttpStatusCode.BadRequest, _ => Request(HttpMethod.Get, "/api/runs?page=abc"), FieldErrors: true),
        new("list page size too large", HttpStatusCode.BadRequest, _ => Request(HttpMethod.Get, "/api/runs?pageSize=100000"), FieldErrors: true),
        new("list with an unknown parameter", HttpStatusCode.BadRequest, _ => Request(HttpMethod.Get, "/api/runs?orderBy=name;drop"), FieldErrors: true),
        // Archive uploads.
        new("upload that is not gzip", HttpStatusCode.BadRequest, _ => Request(Post, "/api/sources", ApiSamples.Gzip(Encoding.UTF8.GetBytes("not an archive"))), FieldErrors: true),
        new("upload of an archive bomb", HttpStatusCode.BadRequest, _ => Request(Post, "/api/sources", ApiSamples.Gzip(ApiSamples.TarGz(("bomb.py", null, 4L * MaxUnpackedBytes)))), FieldErrors: true),
        new("upload with an entry climbing out", HttpStatusCode.BadRequest, _ => Request(Post, "/api/sources", ApiSamples.Gzip(ApiSamples.TarGz(("../../evil.py", "x = 1\n", 0)))), FieldErrors: true),
        new("upload past Api:MaxArchiveBytes", HttpStatusCode.RequestEntityTooLarge, _ => Request(Post, "/api/sources", ApiSamples.Gzip(new byte[MaxArchiveBytes + 1]))),
        new("upload as text/plain", HttpStatusCode.UnsupportedMediaType, _ => Request(Post, "/api/sources", new StringContent("x", Encoding.UTF8, "text/plain"))),
        new("empty upload", HttpStatusCode.BadRequest, _ => Request(Post, "/api/sources", ApiSamples.Gzip([])), FieldErrors: true),
        new("multipart upload without a file", HttpStatusCode.BadRequest, _ => Request(Post, "/api/sources", new MultipartFormDataContent { { new StringContent("x"), "note" } }), FieldErrors: true),
        // Tenants.
        new("a forged tenant header", HttpStatusCode.BadRequest, _ => Tenant(Request(HttpMethod.Get, "/api/runs"), "victim"), Mode.UntrustedTenant, FieldErrors: true),
        new("a forged tenant header on a submission", HttpStatusCode.BadRequest, _ => Tenant(Request(Post, "/api/runs", ApiSamples.Json(GoodRunJson())), "victim"), Mode.UntrustedTenant, FieldErrors: true),
        new("a malformed tenant header", HttpStatusCode.BadRequest, _ => Tenant(Request(HttpMethod.Get, "/api/runs"), "a b/../c"), Mode.TrustedTenant, FieldErrors: true),
        new("another tenant's run", HttpStatusCode.NotFound, run => Tenant(Request(HttpMethod.Get, $"/api/runs/{run}"), "mallory"), Mode.TrustedTenant),
        new("cancelling another tenant's run", HttpStatusCode.NotFound, run => Tenant(Request(HttpMethod.Delete, $"/api/runs/{run}"), "mallory"), Mode.TrustedTenant),
        new("another tenant's artifacts", HttpStatusCode.NotFound, run => Tenant(Request(HttpMethod.Get, $"/api/runs/{run}/artifacts/events.log"), "mallory"), Mode.TrustedTenant),
        new("another tenant's events", HttpStatusCode.NotFound, run => Tenant(Request(HttpMethod.Get, $"/api/runs/{run}/events"), "mallory"), Mode.TrustedTenant),
        // Routes and methods that do not exist.
        new("PUT on the runs", HttpStatusCode.MethodNotAllowed, _ => Request(HttpMethod.Put, "/api/runs", ApiSamples.Json("{}"))),
        new("an unknown route", HttpStatusCode.NotFound, _ => Request(HttpMethod.Get, "/api/admin/secrets")),
    ];

    /// <summary>The acceptance's good run.</summary>
    public static string GoodRunJson() => ApiSamples.GoodRun().ToJsonString();

    public static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = content };

    public static HttpRequestMessage Tenant(HttpRequestMessage request, string tenant)
    {
        request.Headers.TryAddWithoutValidation(TenantHeader, tenant);
        return request;
    }

    private static Case Run(string name, string body, HttpStatusCode status, bool fieldErrors = true) =>
        new(name, status, _ => Request(Post, "/api/runs", ApiSamples.Json(body)), FieldErrors: fieldErrors && status == HttpStatusCode.BadRequest);

    private static string With(Action<JsonObject> change) => ApiSamples.GoodRunWith(change);

    private static string WithSource(JsonObject source) => ApiSamples.GoodRunWith(b => b["source"] = source);

    private static JsonObject Settings(JsonObject body) => (JsonObject)body["settings"]!;

    private static JsonObject Source(JsonObject body) => (JsonObject)body["source"]!;

    private static JsonArray Files(JsonObject body) => (JsonArray)Source(body)["files"]!;

    private static JsonObject File(string path, string content) => new() { ["path"] = path, ["content"] = content };
}
