using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Orchestrator;
using QuestMesh.Python;
using QuestMesh.Standalone.Hosting;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>Starts <see cref="ServeHost"/>, says where it listens, and stops it on Ctrl-C (or SIGTERM).</summary>
public static class ServeExecutor
{
    public static async Task<int> ExecuteAsync(string urls, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> addresses;
        try
        {
            addresses = ParseUrls(urls);
        }
        catch (BadInputException error)
        {
            console.MarkupLineInterpolated($"[red]questmesh: {error.Message}[/]");
            return ExitCodes.BadInput;
        }

        await using var app = ServeHost.Build(addresses);
        try
        {
            await app.Services.GetRequiredService<PythonEnvironment>().GetInterpreterAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch (PythonEnvironmentException error)
        {
            console.MarkupLineInterpolated($"[red]questmesh: {error.Message}[/]");
            return ExitCodes.InternalError;
        }
        catch (IOException error) when (error.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            console.MarkupLineInterpolated($"[red]questmesh: cannot listen on {urls}: {error.Message}[/]");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.TargetsMet;
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var artifacts = Path.GetFullPath(app.Services.GetRequiredService<IOptions<OrchestratorOptions>>().Value.ArtifactsRoot);
        if (!LoopbackOnly(addresses))
            console.MarkupLine("[yellow]questmesh: the API has no key or login here and listens beyond this machine; anyone who can reach it can submit runs[/]");
        foreach (var address in listening)
            console.MarkupLineInterpolated($"QuestMesh API listening on [bold]{address}[/]  (dashboard {address}/dashboard/, OpenAPI {address}/openapi/v1.json, reference {address}/scalar/v1)");
        console.MarkupLineInterpolated($"artifacts under {artifacts}; press Ctrl-C to stop");

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        await app.StopAsync(CancellationToken.None);
        console.MarkupLine("questmesh: stopped");
        return ExitCodes.TargetsMet;
    }

    /// <summary>Each of <paramref name="urls"/> (separated by ';') must be http://HOST:PORT.</summary>
    public static IReadOnlyList<string> ParseUrls(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (list.Length == 0)
            throw new BadInputException("--urls needs at least one address, such as http://127.0.0.1:5080");
        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Host.Length == 0
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
                throw new BadInputException($"--urls: '{url}' is not an address to listen on; give http://HOST:PORT, such as {ServeCommand.DefaultUrls} (https is for a proxy in front)");
        }
        return list;
    }

    /// <summary>Whether every address keeps the API to this machine.</summary>
    public static bool LoopbackOnly(IEnumerable<string> urls) =>
        urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));
}
