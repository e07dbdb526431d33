using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace QuestMesh.Gateway.Proxy;

/// <summary>
/// Ready when every configured cluster has at least one destination known to work: with YARP's active probes
/// on (<c>HealthCheck:Active</c>, the service's <c>/health/ready</c>) a destination counts once a probe has
/// found it healthy — one never probed or never answering does not — and neither the probes nor the passive
/// checks found it unhealthy since; without active probes, until the passive checks find it unhealthy. The
/// description names the clusters that have none. (YARP itself still routes to an unhealthy destination when
/// it has no other — its "panic" mode — so this check is what tells ops, and what keeps a gateway whose
/// orchestrator is down out of a load balancer.)
/// </summary>
internal sealed class ClusterHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = proxy.GetClusters().ToList();
        var data = new Dictionary<string, object>();
        var down = new List<string>();
        foreach (var cluster in clusters)
        {
            var probed = cluster.Model.Config.HealthCheck?.Active?.Enabled == true;
            var all = cluster.DestinationsState.AllDestinations;
            var healthy = all.Count(d => IsHealthy(d, probed));
            data[cluster.ClusterId] = $"{healthy}/{all.Count} healthy";
            if (healthy == 0)
                down.Add(cluster.ClusterId);
        }
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy($"{clusters.Count} cluster(s) reachable", data)
            : HealthCheckResult.Unhealthy($"no healthy destination in: {string.Join(", ", down)}", data: data));
    }

    private static bool IsHealthy(DestinationState destination, bool probed) =>
        (probed ? destination.Health.Active == DestinationHealth.Healthy : destination.Health.Active != DestinationHealth.Unhealthy)
        && destination.Health.Passive != DestinationHealth.Unhealthy;
}
