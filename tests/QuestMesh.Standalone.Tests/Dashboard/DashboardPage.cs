using PuppeteerSharp;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// One browser tab on the dashboard: what it shows, what went wrong in it (script errors, console errors such
/// as a refused Content-Security-Policy), and screenshots under the repository's artifacts/dashboard/.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly List<string> _errors = [];

    private DashboardPage(IPage page)
    {
        Page = page;
        page.PageError += (_, e) => Record($"script error: {e.Message}");
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
                Record($"console error: {e.Message.Text}");
        };
    }

    public IPage Page { get; }

    /// <summary>What went wrong in the page so far; a test ends by checking it is empty.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
                return [.. _errors];
        }
    }

    public static string ScreenshotFolder => Path.Combine(ApiSamples.RepositoryRoot(), "artifacts", "dashboard");

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address)
    {
        var page = new DashboardPage(await browser.NewPageAsync());
        await page.Page.GoToAsync(address.ToString(), WaitUntilNavigation.Load);
        return page;
    }

    public Task WaitForAsync(string selector, TimeSpan? timeout = null) =>
        Explained(selector, () => Page.WaitForSelectorAsync(selector, new WaitForSelectorOptions { Timeout = (int)(timeout ?? DefaultWait).TotalMilliseconds }));

    /// <summary>Waits until <paramref name="predicate"/> (a JavaScript function of <paramref name="args"/>) is true in the page.</summary>
    public Task WaitUntilAsync(string predicate, TimeSpan timeout, params object[] args) =>
        Explained(predicate, () => Page.WaitForFunctionAsync(predicate, new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds, PollingInterval = 100 }, args));

    public Task<T> EvaluateAsync<T>(string function, params object[] args) => Page.EvaluateFunctionAsync<T>(function, args);

    /// <summary>
    /// Clicks the element in the page's own script: lists that refresh themselves may replace an element
    /// between a lookup from here and a mouse click, never during one script call.
    /// </summary>
    public Task ClickAsync(string selector) =>
        Page.EvaluateFunctionAsync("s => { const e = document.querySelector(s); if (!e) throw new Error('nothing matches ' + s); e.click(); }", selector);

    public Task<string> TextAsync(string selector) =>
        Page.EvaluateFunctionAsync<string>("s => document.querySelector(s)?.textContent ?? null", selector);

    public Task<int> CountAsync(string selector) =>
        Page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

    /// <summary>A full-page PNG at artifacts/dashboard/<paramref name="name"/>.png, for a person to look at.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    /// <summary>A wait that timed out says what the page showed and what went wrong in it.</summary>
    private async Task Explained(string awaited, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (WaitTaskTimeoutException timeout)
        {
            var shown = await Page.EvaluateExpressionAsync<string>("(document.querySelector('#notice')?.textContent ?? '') + ' | ' + (document.querySelector('#view')?.innerText ?? '').slice(0, 2000)");
            throw new TimeoutException($"waited in vain for {awaited}; the page shows: {shown}; errors: [{string.Join("; ", Errors)}]", timeout);
        }
    }

    private void Record(string error)
    {
        lock (_errors)
            _errors.Add(error);
    }
}
