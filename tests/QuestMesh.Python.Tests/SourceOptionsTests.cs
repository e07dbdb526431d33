using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Tests;

public class SourceOptionsTests
{
    private static SourceOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddQuestMeshPython();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SourceOptions>>().Value;
    }

    [Fact]
    public void Bind_Defaults_MatchTheDocumentedLimits()
    {
        var options = Bind([]);

        options.CacheRoot.ShouldBe(Path.Combine(Path.GetTempPath(), "questmesh-cache"));
        options.ArchiveRoot.ShouldBe(Path.Combine(Path.GetTempPath(), "questmesh-archives"));
        options.GitTimeoutSeconds.ShouldBe(120);
        options.MaxArchiveBytes.ShouldBe(100L * 1024 * 1024);
        options.MaxUnpackedBytes.ShouldBe(500L * 1024 * 1024);
        options.MaxEntries.ShouldBe(50_000);
    }

    [Fact]
    public void Bind_SectionSources_OverridesTheDefaults() =>
        Bind(new() { ["Sources:GitTimeoutSeconds"] = "5", ["Sources:MaxEntries"] = "10" })
            .ShouldSatisfyAllConditions(o => o.GitTimeoutSeconds.ShouldBe(5), o => o.MaxEntries.ShouldBe(10));

    [Theory]
    [InlineData("Sources:GitTimeoutSeconds", "0")]
    [InlineData("Sources:MaxEntries", "0")]
    [InlineData("Sources:MaxUnpackedBytes", "-1")]
    [InlineData("Sources:GitProtocols", "https:ext::sh")]
    public void Bind_BadSetting_FailsNamingIt(string key, string value)
    {
        var error = Should.Throw<OptionsValidationException>(() => Bind(new() { [key] = value }));

        error.Message.ShouldContain(key.Split(':')[1]);
    }
}
