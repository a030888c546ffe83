using System.Net;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>A request body sent slowly, piece by piece with pauses, each piece flushed, as a congested link delivers it.</summary>
internal sealed class TricklingContent(byte[] body, BodyPace pace) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, (int)Math.Ceiling(body.Length / (double)Math.Max(1, pace.Chunks)));
        for (var offset = 0; offset < body.Length; offset += size)
        {
            if (offset > 0)
            {
                await Task.Delay(pace.Pause, cancellationToken);
            }

            await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
