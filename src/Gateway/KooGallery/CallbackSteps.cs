namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// What every marketplace callback does, in this order: refuse a request that cannot be read one way only (<c>000002</c>,
/// before the signature is checked, which must cover exactly what is executed), refuse one that is not authentic
/// (<c>000001</c>), and only then translate it into its grain call.
/// </summary>
/// <param name="Unreadable">Why the request cannot be read, or null.</param>
/// <param name="Authenticate">Why the request is refused, or null when it is authentic.</param>
/// <param name="Dispatch">The translated grain call and its answer.</param>
internal sealed record CallbackSteps(string? Unreadable, Func<Task<string?>> Authenticate, Func<Task<Answer>> Dispatch);
