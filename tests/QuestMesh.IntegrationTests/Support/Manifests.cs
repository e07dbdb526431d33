using YamlDotNet.RepresentationModel;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>One YAML document of a manifest file, with the file it came from (for messages).</summary>
public sealed record Manifest(string File, YamlMappingNode Root)
{
    public string Kind => Root.Text("kind") ?? "";
    public string ApiVersion => Root.Text("apiVersion") ?? "";
    public string Name => Root.Text("metadata", "name") ?? "";
    public override string ToString() => $"{Kind} {Name} ({File})";
}

/// <summary>Every YAML document under a folder, read with YamlDotNet, and small ways to walk them.</summary>
public static class Manifests
{
    /// <summary>Each document of each <c>*.yaml</c> file under <paramref name="folder"/> (paths relative to the repository).</summary>
    public static List<Manifest> Load(string folder)
    {
        var documents = new List<Manifest>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            documents.AddRange(LoadFile(file));
        return documents;
    }

    public static List<Manifest> LoadFile(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
            stream.Load(reader);
        var relative = Path.GetRelativePath(RepositoryLayout.Root, file);
        return stream.Documents
            .Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException($"{relative}: a document that is not a mapping"))
            .Select(root => new Manifest(relative, root))
            .ToList();
    }

    /// <summary>The node at <paramref name="path"/> (mapping keys), or null where any step is missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
                return null;
        }
        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static Dictionary<string, string> Map(this YamlNode node, params string[] path) =>
        node.At(path) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "")
            : [];

    /// <summary>Every mapping anywhere under <paramref name="node"/> that has <paramref name="key"/>, depth first.</summary>
    public static IEnumerable<YamlMappingNode> MappingsWith(this YamlNode node, string key)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                if (mapping.Children.ContainsKey(new YamlScalarNode(key)))
                    yield return mapping;
                foreach (var child in mapping.Children.Values)
                foreach (var found in child.MappingsWith(key))
                    yield return found;
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                foreach (var found in child.MappingsWith(key))
                    yield return found;
                break;
        }
    }
}
