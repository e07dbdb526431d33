namespace QuestMesh.IntegrationTests.Support;

/// <summary>Waits on a condition, checked every few tens of milliseconds, up to a deadline; never a fixed sleep.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for: {what()}");
            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>The first non-null value <paramref name="probe"/> returns.</summary>
    public static async Task<T> ForAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> what) where T : class
    {
        T? found = null;
        await UntilAsync(() => (found = probe()) is not null, timeout, what);
        return found!;
    }
}
