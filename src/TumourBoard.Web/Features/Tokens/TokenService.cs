using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;

namespace TumourBoard.Web.Features.Tokens;

public sealed record TokenRow(Guid Id, string Name, string Hint, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

/// <summary>A token just created: <see cref="Value"/> is shown once and never stored.</summary>
public sealed record CreatedToken(Guid Id, string Name, string Value);

public sealed class TokenService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    public const int MaxActiveTokens = 20;

    public async Task<IReadOnlyList<TokenRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AccessTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync(ct);
    }

    public async Task<CreatedToken> CreateAsync(Actor actor, string name, int? validDays, CancellationToken ct = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > PersonalAccessToken.MaxNameLength)
            throw new DomainException("Token.NameInvalid", $"Give the token a name of 1 to {PersonalAccessToken.MaxNameLength} characters.");
        if (validDays is < 1 or > 366)
            throw new DomainException("Token.ValidityInvalid", "A token is valid for 1 to 366 days.");
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.AccessTokens.CountAsync(t => t.UserId == actor.UserId && t.RevokedAtUtc == null && (t.ExpiresAtUtc == null || t.ExpiresAtUtc > now), ct);
        if (active >= MaxActiveTokens)
            throw new DomainException("Token.TooMany", $"You have {MaxActiveTokens} active tokens; revoke one first.");
        var value = PersonalAccessToken.NewValue();
        var token = new PersonalAccessToken(actor.UserId, name, PersonalAccessToken.HashOf(value), value[..10], now, validDays is { } d ? now.AddDays(d) : null);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AccessTokens.Add(token);
        audit.Add(db, actor, "token.create", "token", token.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedToken(token.Id, token.Name, value);
    }

    public async Task RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == actor.UserId, ct)
            ?? throw new DomainException("Token.NotFound", "This token does not exist.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        token.Revoke(time.GetUtcNow().UtcDateTime);
        audit.Add(db, actor, "token.revoke", "token", token.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
