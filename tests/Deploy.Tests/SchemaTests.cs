namespace Provisioning.Deploy.Tests;

/// <summary>Every overlay renders, and every object it renders (and the Secret template) fits the Kubernetes schema.</summary>
public sealed class SchemaTests
{
    [Fact]
    public void The_overlays_are_found_and_include_dev_and_production()
    {
        Assert.Subset(Overlay.Names().ToHashSet(), new HashSet<string> { "dev", "production" });
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_overlay_renders_the_whole_application_and_no_Secret(string name)
    {
        var overlay = Overlay.Named(name);

        var kinds = overlay.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, kinds["Deployment"]);
        Assert.Equal(2, kinds["PodDisruptionBudget"]);
        Assert.Equal(2, kinds["HorizontalPodAutoscaler"]);
        Assert.Equal(1, kinds["Service"]);
        Assert.Equal(1, kinds["Job"]);
        Assert.Equal(1, kinds["ConfigMap"]);
        // A rendered Secret would overwrite the operator's real one with placeholders on every apply.
        Assert.DoesNotContain("Secret", kinds.Keys);
    }

    [Fact]
    public void The_Secret_template_fits_the_schema_and_holds_only_placeholders()
    {
        var secret = SecretTemplate.Read();

        Assert.Equal("provisioning-secrets", secret.Metadata.Name);
        Assert.NotEmpty(secret.StringData);
        Assert.Null(secret.Data);
        Assert.All(secret.StringData, entry => Assert.Matches("<[^<>]+>", entry.Value));
    }

    [Theory]
    [InlineData("readinessProbe:", "readinesProbe:", "readinesProbe")]
    [InlineData("terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: sixty", "'sixty'")]
    [InlineData("kind: PodDisruptionBudget", "kind: PodDisruptionBudgit", "PodDisruptionBudgit")]
    public void The_validator_refuses_a_rendered_overlay_with_one_mistake(string correct, string mistake, string named)
    {
        var rendered = Kustomize.Render(Path.Combine(Repository.K8s, "overlays", "production"));
        Assert.Contains(correct, rendered);
        _ = Manifests.Parse(rendered);

        var broken = rendered.Replace(correct, mistake, StringComparison.Ordinal);

        var refused = Assert.ThrowsAny<Exception>(() => Manifests.Parse(broken));
        var messages = string.Join(" / ", Causes(refused).Select(e => e.Message));
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException) yield return cause;
    }
}
