using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QuestMesh.Gateway.ApiKeys;

/// <summary>One accepted key: who it belongs to and how fast it may call.</summary>
internal sealed record ApiKeyHolder(string KeyId, string Tenant, int RequestsPerMinute);

/// <summary>
/// The configured keys, kept as SHA-256 digests and compared in fixed time, so neither memory dumps of
/// the lookup nor response timings tell a caller how close a guess was.
/// </summary>
internal sealed class ApiKeyRegistry
{
    private readonly (byte[] Digest, ApiKeyHolder Holder)[] _keys;

    public ApiKeyRegistry(IOptions<GatewayOptions> options)
    {
        var gateway = options.Value;
        _keys = gateway.ApiKeys
            .Select((entry, index) => (Digest(entry.Key),
                new ApiKeyHolder($"key-{index}", entry.Tenant, entry.RequestsPerMinute ?? gateway.RequestsPerMinute)))
            .ToArray();
    }

    /// <summary>The holder of <paramref name="presented"/>, or null when no configured key matches.</summary>
    public ApiKeyHolder? Find(string presented)
    {
        var digest = Digest(presented);
        ApiKeyHolder? found = null;
        foreach (var (known, holder) in _keys)
        {
            // Every entry is compared, whatever matched before, so the time does not depend on the position.
            if (CryptographicOperations.FixedTimeEquals(known, digest))
                found = holder;
        }
        return found;
    }

    /// <summary>The requests per minute allowed to the key with id <paramref name="keyId"/>.</summary>
    public int LimitOf(string keyId) => _keys.First(k => k.Holder.KeyId == keyId).Holder.RequestsPerMinute;

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
