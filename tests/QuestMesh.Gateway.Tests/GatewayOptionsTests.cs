namespace QuestMesh.Gateway.Tests;

public sealed class GatewayOptionsTests
{
    [Theory]
    [InlineData("Gateway:ApiKeys:0:Key", "short", "Gateway:ApiKeys:0")]
    [InlineData("Gateway:ApiKeys:1:Tenant", "../etc", "Gateway:ApiKeys:1")]
    [InlineData("Gateway:ApiKeys:1:Key", GatewayFactory.AcmeKey, "more than once")]
    [InlineData("Gateway:MaxRequestBytes", "0", "MaxRequestBytes")]
    public void A_gateway_with_a_bad_setting_refuses_to_start_and_says_which(string setting, string value, string message)
    {
        using var gateway = new GatewayFactory("http://127.0.0.1:9/", new Dictionary<string, string?> { [setting] = value });

        var error = Should.Throw<Exception>(() => gateway.CreateClient());

        error.ToString().ShouldContain(message);
    }

    [Fact]
    public void A_gateway_without_keys_refuses_to_start_and_says_how_to_add_one()
    {
        using var gateway = new GatewayFactory("http://127.0.0.1:9/", withKeys: false);

        var error = Should.Throw<Exception>(() => gateway.CreateClient());

        error.ToString().ShouldContain("QUESTMESH_Gateway__ApiKeys__0__Key");
    }
}
