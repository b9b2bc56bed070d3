using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TumourBoard.Domain;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Sessions;

public sealed record SessionRow(Guid Id, string Client, string? ClientAddress, DateTime StartedAtUtc, DateTime LastSeenAtUtc, bool IsCurrent);

/// <summary>
/// Sign-in sessions: started by a sign-in, checked on every cookie-authenticated request and every minute for a
/// connected page, listed and ended by their owner.
/// </summary>
public sealed class SessionService(
    IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time, IOptionsMonitor<SignInRules> rules, IMemoryCache cache)
{
    /// <summary>
    /// How long one instance trusts a request's check: a page load fetches many assets, each authenticated. A session
    /// ended on this instance is checked again at once; on another instance, it is refused within this time.
    /// </summary>
    public static readonly TimeSpan RequestCheckValidFor = TimeSpan.FromSeconds(10);

    /// <summary>The claim (and cookie item) naming the session a principal belongs to.</summary>
    public const string ClaimType = "tb:session";

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;

    public async Task<Guid> StartAsync(Guid userId, string? userAgent, string? clientAddress, CancellationToken ct = default)
    {
        var session = new SignInSession(userId, ClientDescription.Of(userAgent), clientAddress, Now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// The check made for each cookie-authenticated request: <see cref="IsActiveAsync"/>, trusted for a few seconds
    /// but never past the moment the session would end by itself.
    /// </summary>
    public async Task<bool> CheckRequestAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var key = CacheKey(sessionId);
        if (cache.TryGetValue(key, out _))
            return true;
        if (await ActiveForAsync(sessionId, userId, ct) is not { } remaining)
            return false;
        if (remaining > TimeSpan.Zero)
            cache.Set(key, true, remaining < RequestCheckValidFor ? remaining : RequestCheckValidFor);
        return true;
    }

    /// <summary>
    /// True when the session is still active; records its activity (at most once a minute). A session found idle or
    /// past its limit is refused.
    /// </summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken ct = default) =>
        await ActiveForAsync(sessionId, userId, ct) is not null;

    /// <summary>How long the session stays active without further activity, after recording this one; null when it has ended.</summary>
    private async Task<TimeSpan?> ActiveForAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var now = Now;
        var (idle, absolute) = Limits;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.EndedAtUtc, s.StartedAtUtc, s.LastSeenAtUtc })
            .SingleOrDefaultAsync(ct);
        if (session is null || session.EndedAtUtc is not null || now - session.LastSeenAtUtc > idle || now - session.StartedAtUtc > absolute)
            return null;
        var lastSeen = session.LastSeenAtUtc;
        if (now - lastSeen >= SignInSession.ActivityResolution)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAtUtc, now), ct);
            lastSeen = now;
        }
        var untilIdle = lastSeen + idle - now;
        var untilLimit = session.StartedAtUtc + absolute - now;
        return untilIdle < untilLimit ? untilIdle : untilLimit;
    }

    /// <summary>Ends one session (a sign-out, a rejected cookie); nothing happens when it has ended already.</summary>
    public async Task EndAsync(Guid sessionId, SessionEndReason reason, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAtUtc, now).SetProperty(s => s.EndReason, reason), ct);
        cache.Remove(CacheKey(sessionId));
    }

    /// <summary>Ends every session of a user but <paramref name="except"/> (a password change, a deactivated account).</summary>
    public async Task<int> EndAllAsync(Guid userId, SessionEndReason reason, Guid? except = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EndWhereAsync(db, s => s.UserId == userId && s.EndedAtUtc == null && s.Id != except, reason, ct);
    }

    /// <summary>The actor's active sessions, the current one first.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(Actor actor, Guid? current, CancellationToken ct = default)
    {
        var now = Now;
        var (idle, absolute) = Limits;
        var seenAfter = now - idle;
        var startedAfter = now - absolute;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SignInSessions.AsNoTracking()
            .Where(s => s.UserId == actor.UserId && s.EndedAtUtc == null && s.LastSeenAtUtc >= seenAfter && s.StartedAtUtc >= startedAfter)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new SessionRow(s.Id, s.Client, s.ClientAddress, s.StartedAtUtc, s.LastSeenAtUtc, s.Id == current))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.IsCurrent).ToList();
    }

    /// <summary>Ends one of the actor's own sessions: its browser is signed out at its next request, a connected page within a minute.</summary>
    public async Task RevokeAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == actor.UserId && s.EndedAtUtc == null, ct)
            ?? throw new DomainException("Session.NotFound", "This session has ended already.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        session.End(SessionEndReason.Revoked, Now);
        audit.Add(db, actor, "session.revoke", "session", session.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Remove(CacheKey(sessionId));
    }

    /// <summary>Ends every session of the actor but the current one.</summary>
    public async Task<int> RevokeOthersAsync(Actor actor, Guid? current, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await EndWhereAsync(db, s => s.UserId == actor.UserId && s.EndedAtUtc == null && s.Id != current, SessionEndReason.SignedOutElsewhere, ct);
        audit.Add(db, actor, "session.revoke-others", "user", actor.UserId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ended;
    }

    private async Task<int> EndWhereAsync(TumourBoardDbContext db, System.Linq.Expressions.Expression<Func<SignInSession, bool>> which, SessionEndReason reason, CancellationToken ct)
    {
        var now = Now;
        var ids = await db.SignInSessions.Where(which).Select(s => s.Id).ToListAsync(ct);
        var ended = await db.SignInSessions.Where(s => ids.Contains(s.Id) && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAtUtc, now).SetProperty(s => s.EndReason, reason), ct);
        foreach (var id in ids)
            cache.Remove(CacheKey(id));
        return ended;
    }

    private static string CacheKey(Guid sessionId) => "session:" + sessionId;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private (TimeSpan Idle, TimeSpan Absolute) Limits => (rules.CurrentValue.IdleTimeout, rules.CurrentValue.AbsoluteSessionLimit);
}
