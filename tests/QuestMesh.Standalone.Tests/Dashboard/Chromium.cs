using PuppeteerSharp;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol by PuppeteerSharp. Nothing is downloaded:
/// without the browser the tests fail and say how to install it.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Another Chromium binary, for machines whose browser lives elsewhere.</summary>
    public const string PathVariable = "QUESTMESH_TEST_CHROMIUM";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>A fresh browser with its own profile in <paramref name="profile"/> (removed here when the browser cannot start).</summary>
    public static async Task<IBrowser> LaunchAsync(DirectoryInfo profile)
    {
        try
        {
            return await LaunchAsync(profile.FullName);
        }
        catch
        {
            profile.Delete(recursive: true);
            throw;
        }
    }

    private static async Task<IBrowser> LaunchAsync(string profile)
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Chromium at {path}, and there is none. Install Debian's package with "
                + $"'apt-get install -y chromium' (./quest test does it when run as root), or set {PathVariable} to a Chromium binary.");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            UserDataDir = profile,
            Args = Flags,
            Timeout = 60_000,
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 900 },
        });
    }
}
