namespace Provisioning.KooGallery.Kit;

/// <summary>The Kit protocol generation a request came in on; the V2 paths carry <c>/produceAPI/v2/</c> (Kit spec §0).</summary>
public enum KitGeneration
{
    /// <summary>Paths <c>/produceAPI/…</c>, <c>authToken</c> header, Body-Sign on responses.</summary>
    V1,

    /// <summary>Paths <c>/produceAPI/v2/…</c>, <c>x-sign</c> headers.</summary>
    V2,
}
