using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace QuestMesh.Gateway.Proxy;

/// <summary>
/// Ready when every configured cluster has at least one destination that neither YARP's active probes
/// (<c>HealthCheck:Active</c>, the service's <c>/health/ready</c>) nor its passive checks found unhealthy;
/// the description names the clusters that have none. (YARP itself still routes to an unhealthy
/// destination when it has no other — its "panic" mode — so this check is what tells ops.)
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
            var all = cluster.DestinationsState.AllDestinations;
            var healthy = all.Count(IsHealthy);
            data[cluster.ClusterId] = $"{healthy}/{all.Count} healthy";
            if (healthy == 0)
                down.Add(cluster.ClusterId);
        }
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy($"{clusters.Count} cluster(s) reachable", data)
            : HealthCheckResult.Unhealthy($"no healthy destination in: {string.Join(", ", down)}", data: data));
    }

    private static bool IsHealthy(DestinationState destination) =>
        destination.Health.Active != DestinationHealth.Unhealthy && destination.Health.Passive != DestinationHealth.Unhealthy;
}
