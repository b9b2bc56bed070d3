using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;

namespace TumourBoard.Web.Features.Account;

/// <summary>What a person keeps about themselves: for now, their RIZIV/INAMI number, which the MOC check needs them to hold.</summary>
public sealed class ProfileService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit)
{
    public async Task<ProfileView> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new ProfileView(u.DisplayName, u.Email!, actor.Role, db.Centres.Where(c => c.Id == u.CentreId).Select(c => c.Code).FirstOrDefault(),
                u.Discipline, u.RizivNumber))
            .SingleOrDefaultAsync(ct) is { } view
            ? view with { RizivNumber = RizivNumbers.Written(view.RizivNumber) }
            : throw new AccessDeniedException();
    }

    /// <summary>Records, changes or (blank) removes a person's RIZIV/INAMI number: by the person or an administrator.</summary>
    public async Task SetRizivNumberAsync(Actor actor, Guid holderId, string? number, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageRizivNumber(actor, holderId));
        var parsed = RizivNumbers.ParseOptional(number);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == holderId, ct) ?? throw new DomainException("User.NotFound", "This account does not exist.");
        if (user.RizivNumber == parsed?.Digits)
            return;
        await RizivNumbers.EnsureFreeAsync(db, parsed, holderId, ct);
        user.RecordRizivNumber(parsed);
        // An administrator's form opened before this change must not write the old number back.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, "user.riziv", "user", holderId);
        await RizivNumbers.RefusingTakenAsync(() => db.SaveChangesAsync(ct));
        await tx.CommitAsync(ct);
    }
}

/// <summary>One's own account as the API shows it.</summary>
public sealed record ProfileView(string DisplayName, string Email, string Role, string? CentreCode, Discipline Discipline, string? RizivNumber);

public sealed record RizivNumberRequest(string? RizivNumber);

/// <summary>The checks every entry of a RIZIV/INAMI number goes through, whoever types it.</summary>
public static class RizivNumbers
{
    /// <summary>Blank removes the number; anything else must be a RIZIV/INAMI number with valid check digits.</summary>
    public static RizivNumber? ParseOptional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : RizivNumber.TryParse(text, out var number) ? number
        // The refusal does not repeat what was typed: it may be anything, of any length.
        : throw new DomainException(RizivNumber.InvalidCode, "This is not a RIZIV/INAMI number: write its 11 digits, e.g. 1-23456-25-901; the check digits must match.");

    /// <summary>The stored digits as people write them (1-23456-25-901).</summary>
    public static string? Written(string? digits) => digits is null ? null : RizivNumber.TryParse(digits, out var n) ? n.ToString() : digits;

    public static async Task EnsureFreeAsync(TumourBoardDbContext db, RizivNumber? number, Guid holderId, CancellationToken ct)
    {
        if (number is not null && await db.Users.AnyAsync(u => u.RizivNumber == number.Digits && u.Id != holderId, ct))
            throw Taken();
    }

    /// <summary>Runs a save; two accounts given the same number at the same moment are told apart by the unique index.</summary>
    public static async Task<T> RefusingTakenAsync<T>(Func<Task<T>> save)
    {
        try
        {
            return await save();
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "IX_AspNetUsers_RizivNumber" })
        {
            throw Taken();
        }
    }

    private static DomainException Taken() => new("Riziv.NumberTaken", "This RIZIV/INAMI number is recorded on another account.");
}
