using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace QuestMesh.Python;

/// <summary>
/// Starts a process in a session of its own (so it leads its process group), feeds its standard input,
/// keeps a capped copy of its output, and on time-out or cancellation kills the whole process group.
/// </summary>
public sealed class ProcessRunner
{
    private const string SetSid = "/usr/bin/setsid";
    private static readonly TimeSpan PipeDrainLimit = TimeSpan.FromSeconds(5);

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var useSetSid = File.Exists(SetSid);
        var info = new ProcessStartInfo
        {
            FileName = useSetSid ? SetSid : spec.FileName,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (useSetSid)
            info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
            info.ArgumentList.Add(argument);
        info.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
            info.Environment[key] = value;

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new PythonEnvironmentException($"Cannot start '{spec.FileName}': {error.Message}");
        }

        var stdout = new CappedBuffer(spec.MaxOutputChars);
        var stderr = new CappedBuffer(spec.MaxOutputChars);
        var readOut = PumpAsync(process.StandardOutput, stdout);
        var readErr = PumpAsync(process.StandardError, stderr);
        try
        {
            if (spec.StandardInput is not null)
                await process.StandardInput.WriteAsync(spec.StandardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading its input; its exit code and output say why.
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            KillGroup(process, useSetSid);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        finally
        {
            // Grandchildren left behind in the group (a test that forked) go too.
            if (useSetSid)
                KillGroup(process, useSetSid);
        }
        try
        {
            // A process that left the group (setsid) can hold the pipes open for ever: read what came, then go on.
            await Task.WhenAll(readOut, readErr).WaitAsync(PipeDrainLimit, CancellationToken.None);
        }
        catch (TimeoutException)
        {
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessResult(
            process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut, stopwatch.Elapsed,
            stdout.Truncated || stderr.Truncated);
    }

    private static async Task PumpAsync(StreamReader reader, CappedBuffer buffer)
    {
        var chunk = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(chunk)) > 0)
            buffer.Append(chunk.AsSpan(0, read));
    }

    private static void KillGroup(Process process, bool groupLeader)
    {
        if (groupLeader)
            _ = NativeMethods.Kill(-process.Id, NativeMethods.SigKill);
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private sealed class CappedBuffer(int limit)
    {
        private readonly StringBuilder _text = new();
        public bool Truncated { get; private set; }

        public void Append(ReadOnlySpan<char> chunk)
        {
            lock (_text)
                AppendLocked(chunk);
        }

        private void AppendLocked(ReadOnlySpan<char> chunk)
        {
            var room = limit - _text.Length;
            if (room <= 0)
            {
                Truncated = true;
                return;
            }
            if (chunk.Length > room)
            {
                Truncated = true;
                chunk = chunk[..room];
            }
            _text.Append(chunk);
        }

        public override string ToString()
        {
            lock (_text)
                return _text.ToString();
        }
    }

    private static partial class NativeMethods
    {
        public const int SigKill = 9;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
