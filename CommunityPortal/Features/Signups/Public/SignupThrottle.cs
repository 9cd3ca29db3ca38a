using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace CommunityPortal.Features.Signups.Public;

public sealed class SignupOptions
{
    public const string Section = "Signups";

    /// <summary>
    /// Sign-up submissions one client address may make per minute; 0 turns the limit off. People at one venue may share
    /// an address (Wi-Fi, carrier NAT), so the default is generous; behind a reverse proxy, forward the client address
    /// (ForwardedHeaders) or every visitor shares one budget.
    /// </summary>
    [Range(0, 100_000)]
    public int PostsPerMinutePerAddress { get; set; } = 60;
}

/// <summary>
/// Per-address limit on sign-up submissions: a script hammering the public form is answered 429 with Retry-After before
/// any database work. Viewing the form is not limited (it is one small indexed read).
/// </summary>
public sealed class SignupThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public SignupThrottle(Microsoft.Extensions.Options.IOptions<SignupOptions> options)
    {
        var permits = options.Value.PostsPerMinutePerAddress;
        if (permits > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        }
    }

    /// <summary>True when the request may go on; otherwise how long the client should wait.</summary>
    public bool TryAcquire(HttpContext http, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired)
        {
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
