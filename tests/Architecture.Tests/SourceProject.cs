using System.Xml.Linq;

namespace Provisioning.Architecture.Tests;

/// <summary>One <c>src/*/*.csproj</c> as written: the projects and packages it references directly.</summary>
public sealed record SourceProject(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> Packages, IReadOnlyList<string> Frameworks)
{
    public static IReadOnlyList<SourceProject> All()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return [.. Directory.GetDirectories(src).SelectMany(d => Directory.GetFiles(d, "*.csproj")).Order(StringComparer.Ordinal).Select(Read)];
    }

    private static SourceProject Read(string path)
    {
        var project = XDocument.Load(path);
        IReadOnlyList<string> Includes(string item) =>
            [.. project.Descendants(item).Select(e => (string?)e.Attribute("Include") ?? "").Order(StringComparer.Ordinal)];

        return new SourceProject(
            Path.GetFileNameWithoutExtension(path),
            [.. Includes("ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/')))],
            Includes("PackageReference"),
            Includes("FrameworkReference"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioning.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Provisioning.sln above {AppContext.BaseDirectory}");
    }
}
