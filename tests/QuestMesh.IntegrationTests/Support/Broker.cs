namespace QuestMesh.IntegrationTests.Support;

/// <summary>Where one test's services meet: the shared RabbitMQ, in a virtual host of the test's own.</summary>
public sealed record Broker(string Host, int Port, string Username, string Password, string VirtualHost)
{
    /// <summary>The <c>Bus</c> settings of every host of the test, in-process or a process of its own.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = Host,
        ["Bus:RabbitMq:Port"] = Port.ToString(),
        ["Bus:RabbitMq:VirtualHost"] = VirtualHost,
        ["Bus:RabbitMq:Username"] = Username,
        ["Bus:RabbitMq:Password"] = Password,
    };
}
