using Provisioning.KooGallery.V1;

namespace Provisioning.KooGallery;

/// <summary>A request parsed from the wire (V1 query parameters or a V2 JSON body), or the reason it could not be.</summary>
public readonly record struct Parsed<T>(T? Request, string? Error) where T : class
{
    public static Parsed<T> Valid(T request) => new(request, null);

    public static Parsed<T> Invalid(string error) => new(null, error);

    public static Parsed<T> From(T request, ParameterReader reader) => From(request, reader.Error);

    public static Parsed<T> From(T request, FieldReader reader) => From(request, reader.Error);

    private static Parsed<T> From(T request, string? error) => error is null ? Valid(request) : Invalid(error);
}
