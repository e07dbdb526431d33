using System.ComponentModel.DataAnnotations;

namespace QuestMesh.ServiceDefaults;

/// <summary>Which message transport the host uses and how its endpoints take and give back work (section <c>Bus</c>).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";
    public const string InMemoryTransport = "InMemory";
    public const string RabbitMqTransport = "RabbitMq";

    /// <summary><c>InMemory</c> (one process, the embedded default) or <c>RabbitMq</c> (the default of the service hosts).</summary>
    [Required, RegularExpression("^(InMemory|RabbitMq)$", ErrorMessage = "Bus:Transport must be InMemory or RabbitMq.")]
    public string Transport { get; set; } = InMemoryTransport;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How many messages each endpoint without a limit of its own handles at once; 0 lets MassTransit choose.</summary>
    [Range(0, 256)]
    public int ConcurrentMessageLimit { get; set; }

    /// <summary>
    /// Messages a step endpoint takes from the broker ahead of the ones it works on; 0 means as many as it
    /// works on at once (its service's <c>ConcurrentSteps</c>), so no step waits at a busy worker while
    /// another worker of the same kind is idle.
    /// </summary>
    [Range(0, 1000)]
    public int PrefetchCount { get; set; }

    /// <summary>
    /// When the host is asked to stop (SIGTERM), how long a step in flight may take to finish; past it the
    /// step is cancelled and its message handed back to the broker, which delivers it to another worker.
    /// </summary>
    [Range(0, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 60;

    public bool UsesRabbitMq => string.Equals(Transport, RabbitMqTransport, StringComparison.OrdinalIgnoreCase);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
