using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>The migration Job runs the silo image's <c>migrate</c> verb once against the same database.</summary>
public sealed class MigrationJobTests
{
    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void The_Job_migrates_with_the_silo_image_and_connection_string(string name)
    {
        var overlay = Overlay.Named(name);
        var job = Assert.Single(overlay.OfType<V1Job>());
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        var silo = overlay.Container("silo");

        Assert.Equal(["migrate"], container.Args);
        Assert.Null(container.Command);
        Assert.Equal(silo.Image, container.Image);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.Equal(
            ContainerEnvironment.Of(silo, overlay)["ConnectionStrings__Provisioning"],
            ContainerEnvironment.Of(container, overlay)["ConnectionStrings__Provisioning"]);
        // Applied on its own before the rest of the overlay (deploy/README.md, Upgrade): it is the only object its label
        // selects, and it needs nothing the rest of the overlay creates.
        Assert.Equal(
            [$"Job/{job.Metadata.Name}"],
            overlay.Objects.Where(o => o.Metadata.Labels?.TryGetValue("app.kubernetes.io/component", out var c) == true && c == "migration").Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        Assert.Null(container.EnvFrom);
        Assert.All(container.Env, e => Assert.Null(e.ValueFrom?.ConfigMapKeyRef));
    }
}
