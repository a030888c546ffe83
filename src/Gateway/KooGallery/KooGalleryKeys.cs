using System.Security.Cryptography;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// In Development, keys that are not configured are generated, so a first run needs no setup; they are printed once
/// so a local marketplace simulator can sign with them. In any other environment missing keys stop the gateway.
/// </summary>
internal static class KooGalleryKeys
{
    private static readonly string[] Names = ["Key", "AccessKey", "KitAccessKey"];

    public static void GenerateMissingForDevelopment(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;

        var section = builder.Configuration.GetSection(KooGalleryOptions.SectionName);
        var generated = Names
            .Where(name => string.IsNullOrEmpty(section[name]))
            .ToDictionary(name => $"{KooGalleryOptions.SectionName}:{name}", _ => (string?)RandomNumberGenerator.GetHexString(32, lowercase: true));
        if (generated.Count == 0) return;

        builder.Configuration.AddInMemoryCollection(generated);
        Console.WriteLine("Development: generated KooGallery keys (set KooGallery__Key, KooGallery__AccessKey, KooGallery__KitAccessKey to fix them):");
        foreach (var (name, value) in generated)
        {
            Console.WriteLine($"  {name} = {value}");
        }
    }
}
