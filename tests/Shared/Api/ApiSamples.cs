using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuestMesh.Tests.Shared.Api;

/// <summary>Request bodies for the runs API: the bundled sample project inline, and archives built in memory.</summary>
public static class ApiSamples
{
    public const string Target = "shop/pricing.py";

    /// <summary>samples/shop's files, read from the repository this test was built from.</summary>
    public static (string Path, string Content)[] ShopFiles()
    {
        var shop = Path.Combine(RepositoryRoot(), "samples", "shop");
        return [(Target, File.ReadAllText(Path.Combine(shop, "shop", "pricing.py"))), ("shop/__init__.py", File.ReadAllText(Path.Combine(shop, "shop", "__init__.py")))];
    }

    /// <summary>The acceptance's body: an inline source, the target, one attempt (and a short search).</summary>
    public static JsonObject GoodRun(int searchBudgetSeconds = 5) => new()
    {
        ["source"] = new JsonObject
        {
            ["kind"] = "inline",
            ["files"] = new JsonArray(ShopFiles().Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["content"] = f.Content }).ToArray()),
        },
        ["targetFile"] = Target,
        ["settings"] = new JsonObject { ["maxAttempts"] = 1, ["searchBudgetSeconds"] = searchBudgetSeconds },
    };

    /// <summary><see cref="GoodRun"/> changed by <paramref name="change"/> (a copy each time).</summary>
    public static string GoodRunWith(Action<JsonObject> change)
    {
        var body = GoodRun();
        change(body);
        return body.ToJsonString();
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static ByteArrayContent Gzip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        return content;
    }

    /// <summary>A tar.gz of <paramref name="files"/>; a file may be given as a size of zeros instead of text (a bomb).</summary>
    public static byte[] TarGz(params (string Name, string? Content, long Zeros)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, content, zeros) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = content is not null ? new MemoryStream(Encoding.UTF8.GetBytes(content)) : new ZeroStream(zeros),
                };
                tar.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    public static byte[] ShopArchive() => TarGz(ShopFiles().Select(f => (f.Path, (string?)f.Content, 0L)).ToArray());

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QuestMesh.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("the repository root (QuestMesh.sln) is not above the test's folder");
    }

    public static JsonDocument Parse(string text) => JsonDocument.Parse(text);

    /// <summary>A stream of <c>length</c> zero bytes that is never held in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
