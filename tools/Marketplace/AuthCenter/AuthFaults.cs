using System.Collections.Concurrent;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>A failure the fake plays on the next token call.</summary>
public enum TokenFault
{
    /// <summary>HTTP 500 <c>server_error</c>, nothing issued.</summary>
    Error,

    /// <summary>The call is served (a code is taken) but the answer is held back beyond the caller's timeout.</summary>
    Slow,

    /// <summary>HTTP 401 <c>invalid_client</c> "Bad client credentials", whatever was sent.</summary>
    InvalidClient,
}

/// <summary>A request to make the next <paramref name="Count"/> token calls fail with <paramref name="Fault"/>.</summary>
public sealed record TokenFaultRequest(TokenFault Fault, int Count);

/// <summary>A request to make the next <paramref name="Count"/> userinfo calls answer 401 whatever the token.</summary>
public sealed record UserinfoFaultRequest(int Count);

/// <summary>The faults queued for the next token and userinfo calls, of any tenant, played one per call in order.</summary>
public sealed class AuthFaults
{
    private readonly ConcurrentQueue<TokenFault> _token = new();
    private int _userinfo;

    /// <summary>Queues <paramref name="count"/> token calls to fail with <paramref name="fault"/>.</summary>
    public void InjectToken(TokenFault fault, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _token.Enqueue(fault);
        }
    }

    /// <summary>Makes the next <paramref name="count"/> userinfo calls answer 401.</summary>
    public void InjectUserinfo(int count) => Interlocked.Add(ref _userinfo, count);

    internal TokenFault? NextToken() => _token.TryDequeue(out var fault) ? fault : null;

    internal bool NextUserinfo()
    {
        while (true)
        {
            var left = Volatile.Read(ref _userinfo);
            if (left == 0) return false;
            if (Interlocked.CompareExchange(ref _userinfo, left - 1, left) == left) return true;
        }
    }
}
