using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TumourBoard.Domain;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Infrastructure;

/// <summary>
/// Request rate limits: sign-in attempts per client address, API and hub calls per access token. A refused request
/// answers 429 with Retry-After; nothing behind the limit runs. Case submissions are limited per person in
/// <see cref="SubmissionLimiter"/>, since the app submits over its live connection, not by HTTP request.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddTumourBoardRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SubmissionLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per token, and per client address for the API as a whole: made-up tokens each have a partition of their own.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PartitionOf),
                PartitionedRateLimiter.Create<HttpContext, string>(AddressPartitionOf));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests; try again later.",
                        detail: $"Wait {seconds} seconds before trying again.",
                        extensions: new Dictionary<string, object?> { ["code"] = "RateLimit.Exceeded" })
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionOf(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var path = context.Request.Path;
        if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            && (path.Value!.Contains("/Login", StringComparison.OrdinalIgnoreCase)))
        {
            return RateLimitPartition.GetFixedWindowLimiter($"signin:{Address(context)}", _ => Window(limits.SignInAttemptsPerMinute, TimeSpan.FromMinutes(1)));
        }
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetFixedWindowLimiter($"api:{Credential(context)}", _ => Window(limits.ApiRequestsPerMinute, TimeSpan.FromMinutes(1)));
        return RateLimitPartition.GetNoLimiter("");
    }

    // Generous: a hospital's users may all reach the app from one address.
    private static RateLimitPartition<string> AddressPartitionOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetNoLimiter("");
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        return RateLimitPartition.GetFixedWindowLimiter($"api-address:{Address(context)}", _ => Window(limits.ApiRequestsPerMinute * 5, TimeSpan.FromMinutes(1)));
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // The token itself is never kept: its hash names the partition.
    private static string Credential(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : context.Request.Query["access_token"].ToString();
        return string.IsNullOrEmpty(token)
            ? $"address:{Address(context)}"
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32];
    }
}

/// <summary>Case submissions per person and hour, shared by the app and the API.</summary>
public sealed class SubmissionLimiter(IOptionsMonitor<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.CurrentValue.SubmissionsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Takes one submission of the person's allowance or refuses with the time to wait.</summary>
    public void Take(Actor actor)
    {
        using var lease = _limiter.AttemptAcquire(actor.UserId);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
            throw new RateLimitedException("Case.SubmissionRateLimited", $"Too many submissions; try again in {Math.Ceiling(wait.TotalMinutes)} minutes.", wait);
        }
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>A refusal because the same thing was done too often; <see cref="RetryAfter"/> says when it may be tried again.</summary>
public sealed class RateLimitedException(string code, string message, TimeSpan retryAfter) : DomainException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
