using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Runner;
using QuestMesh.Runner.Consumers;
using QuestMesh.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace QuestMesh.IntegrationTests.Deployment;

/// <summary>
/// deploy/k8s read as Kubernetes and kustomize would: every YAML document, the references between
/// them, the images against what the Dockerfile and docker-compose.yml build, and the runner's
/// autoscaling against the queue the runner really consumes. What the probes ask of each service is
/// checked against the running services in <see cref="KubernetesProbeTests"/>.
/// </summary>
public class KubernetesManifestTests
{
    private static readonly Dictionary<string, string[]> ApiVersions = new()
    {
        ["Deployment"] = ["apps/v1"],
        ["Service"] = ["v1"],
        ["ConfigMap"] = ["v1"],
        ["Namespace"] = ["v1"],
        ["PersistentVolumeClaim"] = ["v1"],
        ["PodDisruptionBudget"] = ["policy/v1"],
        ["Ingress"] = ["networking.k8s.io/v1"],
        ["HorizontalPodAutoscaler"] = ["autoscaling/v2"],
        ["ScaledObject"] = ["keda.sh/v1alpha1"],
        ["TriggerAuthentication"] = ["keda.sh/v1alpha1"],
        ["Kustomization"] = ["kustomize.config.k8s.io/v1beta1"],
        ["Component"] = ["kustomize.config.k8s.io/v1alpha1"],
    };

    private static readonly string[] Kustomizations = ["kustomization.yaml"];

    private readonly List<Manifest> _all = Manifests.Load(DeploymentFiles.KubernetesFolder);
    private readonly List<Manifest> _base = Manifests.Load(Path.Combine(DeploymentFiles.KubernetesFolder, "base"))
        .Where(m => m.Kind != "Kustomization").ToList();

    // Whole objects (the overlay's patches are parts of objects): the base and the optional components.
    private readonly List<Manifest> _objects = Manifests.Load(Path.Combine(DeploymentFiles.KubernetesFolder, "base"))
        .Concat(Manifests.Load(Path.Combine(DeploymentFiles.KubernetesFolder, "components")))
        .Where(m => m.Kind is not ("Kustomization" or "Component")).ToList();

    private IEnumerable<Manifest> Deployments => _base.Where(m => m.Kind == "Deployment");

    [Fact]
    public void Every_document_is_a_known_kind_with_a_name()
    {
        _all.Count.ShouldBeGreaterThan(20);
        foreach (var document in _all)
        {
            var kustomization = Kustomizations.Contains(Path.GetFileName(document.File));
            if (kustomization && document.ApiVersion.Length == 0)
                continue; // kustomize accepts a kustomization.yaml without apiVersion and kind
            ApiVersions.ShouldContainKey(document.Kind, $"{document}: unexpected kind");
            ApiVersions[document.Kind].ShouldContain(document.ApiVersion, $"{document}");
            if (!kustomization)
                document.Name.ShouldNotBeNullOrWhiteSpace($"{document} has no metadata.name");
        }
        _base.GroupBy(m => (m.Kind, m.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("names used twice in the base");
    }

    [Fact]
    public void Every_kustomization_names_files_and_objects_that_exist()
    {
        var kustomizations = _all.Where(m => Kustomizations.Contains(Path.GetFileName(m.File))).ToList();
        kustomizations.Count.ShouldBe(3);
        foreach (var kustomization in kustomizations)
        {
            var folder = Path.GetDirectoryName(Path.Combine(RepositoryLayout.Root, kustomization.File))!;
            var paths = kustomization.Root.Items("resources").Concat(kustomization.Root.Items("components"))
                .Concat(kustomization.Root.Items("patches").Select(p => p.At("path")).OfType<YamlNode>())
                .Select(n => ((YamlScalarNode)n).Value!);
            foreach (var path in paths)
            {
                var full = Path.Combine(folder, path);
                (File.Exists(full) || Directory.Exists(full)).ShouldBeTrue($"{kustomization.File} names {path}, which does not exist");
            }
            // Patches and generators that merge must find their object in the base.
            foreach (var patch in kustomization.Root.Items("patches"))
            {
                var documents = patch.At("path") is YamlScalarNode file
                    ? Manifests.LoadFile(Path.Combine(folder, file.Value!))
                    : [new Manifest(kustomization.File, (YamlMappingNode)ParseInline(patch.Text("patch")!))];
                foreach (var target in documents)
                    _base.ShouldContain(m => m.Kind == target.Kind && m.Name == target.Name, $"{kustomization.File} patches {target.Kind} {target.Name}, which the base lacks");
            }
            foreach (var generator in kustomization.Root.Items("configMapGenerator").Where(g => g.Text("behavior") == "merge"))
                _base.ShouldContain(m => m.Kind == "ConfigMap" && m.Name == generator.Text("name"));
        }
    }

    [Fact]
    public void Selectors_match_the_labels_of_exactly_one_deployments_pods()
    {
        foreach (var deployment in Deployments)
        {
            var matchLabels = deployment.Root.Map("spec", "selector", "matchLabels");
            matchLabels.ShouldNotBeEmpty($"{deployment}");
            Selects(matchLabels, PodLabels(deployment)).ShouldBeTrue($"{deployment}: its selector does not select its own pods");
        }
        var selectors = _base.Where(m => m.Kind == "Service").Select(s => (s, s.Root.Map("spec", "selector")))
            .Concat(_base.Where(m => m.Kind == "PodDisruptionBudget").Select(p => (p, p.Root.Map("spec", "selector", "matchLabels"))));
        foreach (var (owner, selector) in selectors)
        {
            selector.ShouldNotBeEmpty($"{owner}");
            Deployments.Count(d => Selects(selector, PodLabels(d))).ShouldBe(1, $"{owner} should select the pods of one Deployment");
        }
        // Every Deployment has a disruption budget.
        foreach (var deployment in Deployments)
            _base.Where(m => m.Kind == "PodDisruptionBudget")
                .ShouldContain(p => Selects(p.Root.Map("spec", "selector", "matchLabels"), PodLabels(deployment)), $"{deployment} has no PodDisruptionBudget");
    }

    [Fact]
    public void Services_ingress_and_scalers_point_at_ports_and_objects_that_exist()
    {
        foreach (var service in _base.Where(m => m.Kind == "Service"))
        {
            var deployment = Deployments.Single(d => Selects(service.Root.Map("spec", "selector"), PodLabels(d)));
            foreach (var port in service.Root.Items("spec", "ports"))
                ContainerPorts(deployment).ShouldContainKey(port.Text("targetPort")!, $"{service}: targetPort {port.Text("targetPort")} is not a port of {deployment}");
        }
        foreach (var backend in _all.Where(m => m.Kind == "Ingress").SelectMany(i => i.Root.MappingsWith("service").Select(s => (Ingress: i, Backend: s.At("service")!))))
        {
            var service = _base.SingleOrDefault(m => m.Kind == "Service" && m.Name == backend.Backend.Text("name"));
            service.ShouldNotBeNull($"{backend.Ingress}: no Service {backend.Backend.Text("name")}");
            service.Root.Items("spec", "ports").Select(p => p.Text("name")).ShouldContain(backend.Backend.Text("port", "name"));
        }
        _objects.Count(m => m.Kind is "ScaledObject" or "HorizontalPodAutoscaler").ShouldBe(2, "KEDA's and the CPU fallback's");
        foreach (var scaler in _objects.Where(m => m.Kind is "ScaledObject" or "HorizontalPodAutoscaler"))
            Deployments.Select(d => d.Name).ShouldContain(scaler.Root.Text("spec", "scaleTargetRef", "name"), $"{scaler}");
        foreach (var trigger in _base.Where(m => m.Kind == "ScaledObject").SelectMany(s => s.Root.Items("spec", "triggers")))
            _base.Where(m => m.Kind == "TriggerAuthentication").Select(t => t.Name).ShouldContain(trigger.Text("authenticationRef", "name"));
    }

    [Fact]
    public void Pods_read_only_settings_volumes_and_secret_keys_that_exist()
    {
        var configMaps = _base.Where(m => m.Kind == "ConfigMap").Select(m => m.Name).ToList();
        var claims = _base.Where(m => m.Kind == "PersistentVolumeClaim").Select(m => m.Name).ToList();
        var secretKeys = File.ReadAllLines(Path.Combine(DeploymentFiles.KubernetesFolder, "overlays", "example", "secrets.env.example"))
            .Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToList();
        foreach (var deployment in Deployments)
        {
            var pod = deployment.Root.At("spec", "template", "spec")!;
            foreach (var reference in pod.MappingsWith("configMapRef"))
                configMaps.ShouldContain(reference.Text("configMapRef", "name"), $"{deployment}");
            foreach (var volume in pod.Items("volumes").Where(v => v.At("persistentVolumeClaim") is not null))
                claims.ShouldContain(volume.Text("persistentVolumeClaim", "claimName"), $"{deployment}");
            var volumes = pod.Items("volumes").Select(v => v.Text("name")).ToList();
            foreach (var mount in pod.MappingsWith("mountPath"))
                volumes.ShouldContain(mount.Text("name"), $"{deployment}: mount of a volume the pod lacks");
            foreach (var reference in pod.MappingsWith("secretKeyRef").Select(r => r.At("secretKeyRef")!))
            {
                reference.Text("name").ShouldBe("questmesh-secrets", $"{deployment}");
                secretKeys.ShouldContain(reference.Text("key"), $"{deployment} reads a key secrets.env.example does not list");
            }
        }
        foreach (var reference in _base.Where(m => m.Kind == "TriggerAuthentication").SelectMany(t => t.Root.Items("spec", "secretTargetRef")))
            secretKeys.ShouldContain(reference.Text("key"));
    }

    [Fact]
    public void Images_ports_users_and_health_are_those_of_the_Dockerfile()
    {
        var dockerfile = DeploymentFiles.Dockerfile();
        var images = DeploymentFiles.ComposeImages();
        dockerfile.Args.ShouldContain("PROJECT");
        dockerfile.Args.ShouldContain("APP");
        dockerfile.Exposed.ShouldBe([dockerfile.Port]);
        images.ShouldAllBe(i => i.Dockerfile == "deploy/docker/Dockerfile");

        var deployed = Deployments.ToDictionary(d => d, d => Containers(d).Single());
        deployed.Values.Select(c => ImageName(c.Text("image")!)).Order().ShouldBe(images.Select(i => i.Name).Order(),
            "every image docker-compose.yml builds is deployed, and nothing else");
        foreach (var (deployment, container) in deployed)
        {
            var image = images.Single(i => i.Name == ImageName(container.Text("image")!));
            deployment.Name.ShouldBe(image.App, "a Deployment is named after the host it runs");
            ContainerPorts(deployment)["http"].ShouldBe(dockerfile.Port, $"{deployment} listens where the image does");
            container.Text("readinessProbe", "httpGet", "path").ShouldBe(dockerfile.HealthPath, $"{deployment}: readiness as the image's HEALTHCHECK");
            foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
                container.Text(probe, "httpGet", "port").ShouldBe("http", $"{deployment} {probe}");

            var sandboxed = Env(container).GetValueOrDefault("QUESTMESH_Sandbox__Mode") == "bubblewrap";
            if (sandboxed)
            {
                image.Flavor.ShouldBe("python", $"{deployment} runs the sandbox, so its image needs bubblewrap");
                container.Text("securityContext", "runAsUser").ShouldBe("0", $"{deployment}: bubblewrap runs as root in the container");
            }
            else
            {
                deployment.Root.Text("spec", "template", "spec", "securityContext", "runAsUser").ShouldBe(dockerfile.User, $"{deployment}: the image's user");
                deployment.Root.Text("spec", "template", "spec", "securityContext", "runAsNonRoot").ShouldBe("true");
            }
            container.At("resources", "requests").ShouldNotBeNull($"{deployment}");
            container.At("resources", "limits").ShouldNotBeNull($"{deployment}");
        }
    }

    [Fact]
    public void The_runner_scales_on_the_queues_its_consumers_take_steps_from()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Bus:Transport"] = BusOptions.InMemoryTransport;
        builder.AddRunner().AddQuestMeshBus();
        using var host = builder.Build();
        var formatter = host.Services.GetRequiredService<IEndpointNameFormatter>();
        string[] queues =
        [
            host.Services.GetRequiredService<IConsumerDefinition<ExecuteTestsConsumer>>().GetEndpointName(formatter),
            host.Services.GetRequiredService<IConsumerDefinition<MeasureSuiteConsumer>>().GetEndpointName(formatter),
        ];

        var scaler = _base.Single(m => m.Kind == "ScaledObject");
        scaler.Root.Text("spec", "scaleTargetRef", "name").ShouldBe("questmesh-runner");
        var triggers = scaler.Root.Items("spec", "triggers").ToList();
        triggers.Select(t => t.Text("metadata", "queueName")).ShouldBe(queues, ignoreOrder: true);
        foreach (var trigger in triggers)
        {
            trigger.Text("type").ShouldBe("rabbitmq");
            trigger.Text("metadata", "mode").ShouldBe("QueueLength");
        }
    }

    internal static IEnumerable<YamlNode> Containers(Manifest deployment) => deployment.Root.Items("spec", "template", "spec", "containers");

    private static Dictionary<string, string> PodLabels(Manifest deployment) => deployment.Root.Map("spec", "template", "metadata", "labels");

    private static bool Selects(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    private static Dictionary<string, int> ContainerPorts(Manifest deployment) =>
        Containers(deployment).SelectMany(c => c.Items("ports")).ToDictionary(p => p.Text("name")!, p => int.Parse(p.Text("containerPort")!));

    private static Dictionary<string, string?> Env(YamlNode container) =>
        container.Items("env").ToDictionary(e => e.Text("name")!, e => e.Text("value"));

    private static string ImageName(string image) => image.Contains(':') ? image[..image.LastIndexOf(':')] : image;

    private static YamlNode ParseInline(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}
