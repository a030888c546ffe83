using System.Data.Common;

namespace Provisioning.Grains.Storage;

/// <summary>
/// Turns a failed database call under any grain method into a <see cref="DatabaseFailureException"/> naming the cause.
/// Orleans serializes only exception types it allows (System, Microsoft, its own, generated ones), so the driver's exception
/// would reach the gateway as a <c>CodecNotFoundException</c> and the cause would be lost.
/// </summary>
internal sealed class DatabaseFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (Find(e) is { } failure)
        {
            throw new DatabaseFailureException(Describe(failure));
        }
    }

    /// <summary>The message a database failure is reported with: whether retrying may help, the driver's message, and its cause.</summary>
    public static string Describe(DbException failure) =>
        (failure.IsTransient ? "database unavailable: " : "database error: ")
        + failure.Message
        + (failure.InnerException is { } cause ? $" ({cause.Message})" : "");

    private static DbException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException failure) return failure;
        }

        return null;
    }
}
