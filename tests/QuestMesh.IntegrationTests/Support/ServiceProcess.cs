using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// One service host started as a real process (<c>dotnet questmesh-runner.dll</c>) on a free loopback
/// port, with its settings as <c>QUESTMESH_</c> variables. Everything it writes is kept, line by line, for
/// the test to wait on and to show when it fails. Disposing kills it and its children if still running.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly List<string> _lines = [];

    private ServiceProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public static ServiceProcess Start(string name, string assembly, IReadOnlyDictionary<string, string?> settings)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
            start.Environment["QUESTMESH_" + key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        var started = new ServiceProcess(name, process, address);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Until <c>/health/ready</c> answers 200: the bus is connected and the service's queues are bound.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        await Poll.UntilAsync(async () =>
        {
            if (HasExited)
                throw new InvalidOperationException($"{Name} exited with {ExitCode} before it was ready:\n{Tail()}");
            try
            {
                using var response = await Http.GetAsync(new Uri(Address, "/health/ready"));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer in time.
                return false;
            }
        }, timeout, () => $"{Name} ready at {Address}health/ready\n{Tail()}");
    }

    /// <summary>The lines it wrote that contain every one of <paramref name="fragments"/>.</summary>
    public IReadOnlyList<string> LinesWith(params string[] fragments) =>
        Lines.Where(line => fragments.All(f => line.Contains(f, StringComparison.Ordinal))).ToList();

    /// <summary>SIGKILL to the process and everything it started: what the end of its container or an OOM kill of its cgroup does.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: what <c>docker stop</c> and Kubernetes send first.</summary>
    public void Terminate()
    {
        if (NativeMethods.Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with errno {Marshal.GetLastPInvokeError()}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    public string Tail(int count = 40)
    {
        var lines = Lines;
        return $"--- {Name} (pid {Id}), last {Math.Min(count, lines.Count)} of {lines.Count} lines ---\n" + string.Join('\n', lines.TakeLast(count));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
