namespace Provisioning.KooGallery.V1;

/// <summary>A request parsed from query parameters, or the reason it could not be.</summary>
public readonly record struct Parsed<T>(T? Request, string? Error) where T : class
{
    public static Parsed<T> From(T request, ParameterReader reader) =>
        reader.Error is null ? new(request, null) : new(null, reader.Error);
}
