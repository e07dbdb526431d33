using System.ComponentModel.DataAnnotations;

namespace QuestMesh.ServiceDefaults;

/// <summary>Which message transport the host uses (section <c>Bus</c>).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary><c>InMemory</c> (one process, the embedded default) or <c>RabbitMq</c>.</summary>
    [Required, RegularExpression("^(InMemory|RabbitMq)$", ErrorMessage = "Bus:Transport must be InMemory or RabbitMq.")]
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How many messages each endpoint handles at once; 0 lets MassTransit choose.</summary>
    [Range(0, 256)]
    public int ConcurrentMessageLimit { get; set; }
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
