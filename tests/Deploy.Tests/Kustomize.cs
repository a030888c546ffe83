using System.ComponentModel;
using System.Diagnostics;

namespace Provisioning.Deploy.Tests;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c>, which must be installed: a missing kubectl fails the test.</summary>
internal static class Kustomize
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static string Render(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "kubectl is not installed (or not on PATH): the Kubernetes manifests under deploy/k8s cannot be rendered. "
                + "Install kubectl 1.27 or later (it embeds kustomize).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {directory} did not finish within {Timeout}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} exited {process.ExitCode}: {error.Result}");
            }

            return output.Result;
        }
    }
}
