using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>An image docker-compose.yml builds: its name (no tag) and the Dockerfile's build arguments for it.</summary>
public sealed record ComposeImage(string Service, string Name, string Dockerfile, string Project, string App, string Flavor);

/// <summary>What deploy/docker/Dockerfile says every service image does: the port it listens on, its user, its health check.</summary>
public sealed record ServiceDockerfile(int Port, IReadOnlyList<int> Exposed, string User, string HealthPath, IReadOnlyList<string> Args);

/// <summary>The repository's deployment files as the deployment tests read them.</summary>
public static partial class DeploymentFiles
{
    public static string KubernetesFolder => Path.Combine(RepositoryLayout.Root, "deploy", "k8s");
    public static string DockerfilePath => Path.Combine(RepositoryLayout.Root, "deploy", "docker", "Dockerfile");

    /// <summary>The images of docker-compose.yml that have a build section, one per image name.</summary>
    public static List<ComposeImage> ComposeImages()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(RepositoryLayout.Root, "docker-compose.yml")))
            stream.Load(reader);
        var services = (YamlMappingNode)stream.Documents[0].RootNode.At("services")!;
        var images = new List<ComposeImage>();
        foreach (var (key, value) in services.Children)
        {
            var service = Merged((YamlMappingNode)value);
            if (!service.TryGetValue("build", out var buildNode))
                continue;
            var build = Merged((YamlMappingNode)buildNode);
            var args = Merged((YamlMappingNode)build["args"]);
            string Arg(string name) => ((YamlScalarNode)args[name]).Value!;
            var image = ((YamlScalarNode)service["image"]).Value!;
            images.Add(new ComposeImage(((YamlScalarNode)key).Value!, image[..image.IndexOf(':')],
                ((YamlScalarNode)build["dockerfile"]).Value!, Arg("PROJECT"), Arg("APP"), Arg("FLAVOR")));
        }
        return images;
    }

    public static ServiceDockerfile Dockerfile()
    {
        var text = File.ReadAllText(DockerfilePath);
        var port = int.Parse(UrlsPort().Match(text).Groups[1].Value);
        var exposed = Exposed().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var user = LastUser().Matches(text).Last().Groups[1].Value;
        var health = HealthCheck().Match(text).Groups[1].Value;
        var args = Args().Matches(text).Select(m => m.Groups[1].Value).ToList();
        return new ServiceDockerfile(port, exposed, user, health, args);
    }

    /// <summary>A mapping's keys with YAML merge keys (<c>&lt;&lt;: *anchor</c>, or a list of them) applied, explicit keys winning.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, YamlNode>();
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merge))
        {
            var sources = merge is YamlSequenceNode list ? list.Children : [merge];
            foreach (var source in sources.OfType<YamlMappingNode>())
            foreach (var (k, v) in Merged(source))
                result[k] = v;
        }
        foreach (var (k, v) in mapping.Children)
        {
            var name = ((YamlScalarNode)k).Value!;
            if (name != "<<")
                result[name] = v;
        }
        return result;
    }

    [GeneratedRegex(@"QUESTMESH_URLS=http://\+:(\d+)")]
    private static partial Regex UrlsPort();

    [GeneratedRegex(@"^EXPOSE\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Exposed();

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex LastUser();

    [GeneratedRegex(@"^HEALTHCHECK .*CMD \[""questmesh-healthcheck"", ""([^""]+)""\]", RegexOptions.Multiline)]
    private static partial Regex HealthCheck();

    [GeneratedRegex(@"^ARG\s+([A-Z_]+)", RegexOptions.Multiline)]
    private static partial Regex Args();
}
