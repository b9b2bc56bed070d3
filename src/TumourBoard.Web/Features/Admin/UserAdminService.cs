using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Sessions;

namespace TumourBoard.Web.Features.Admin;

public sealed record UserRow(
    Guid Id, string Email, string DisplayName, string Role, int? CentreId, string? CentreCode, Discipline Discipline,
    BoardLanguage Language, bool IsActive, bool IsLockedOut, bool TwoFactorEnabled, string Version, string? RizivNumber = null);

public sealed class UserForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Clinician;
    public int? CentreId { get; set; }
    public Discipline Discipline { get; set; } = Discipline.PaediatricOncology;
    public BoardLanguage Language { get; set; }
    public string? RizivNumber { get; set; }
}

/// <summary>
/// Accounts, managed by Admins. Each operation runs in its own scope so that Identity's context lives no longer
/// than the operation, even when called from a long-lived circuit, and in one transaction with its audit entry.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopeFactory, IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    /// <summary>Runs an account change and records it, committed together.</summary>
    private async Task<T> AuditedAsync<T>(Actor actor, string action, Func<UserManager<AppUser>, Task<(T Result, Guid UserId)>> change, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumourBoardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (result, userId) = await change(users);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Add(db, actor, action, "user", userId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var rows = await (
            from u in db.Users.AsNoTracking()
            join c in db.Centres on u.CentreId equals c.Id into centres
            from c in centres.DefaultIfEmpty()
            orderby u.Email
            select new
            {
                u.Id, u.Email, u.DisplayName, u.CentreId, CentreCode = c == null ? null : c.Code, u.Discipline, u.PreferredLanguage,
                u.IsActive, Locked = u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled, u.ConcurrencyStamp, u.RizivNumber,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new UserRow(r.Id, r.Email!, r.DisplayName, r.Role ?? "", r.CentreId, r.CentreCode, r.Discipline,
            r.PreferredLanguage, r.IsActive, r.Locked, r.TwoFactorEnabled, r.ConcurrencyStamp ?? "", RizivNumbers.Written(r.RizivNumber))).ToList();
    }

    /// <summary>Creates the account without a password and e-mails the person a link to choose one.</summary>
    public async Task<Guid> InviteAsync(Actor actor, UserForm form, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        var email = ValidEmail(form.Email);
        await ValidateCentreAsync(form, ct);
        var riziv = await FreeRizivNumberAsync(form, Guid.Empty, ct);
        var (user, code) = await AuditedAsync(actor, "user.invite", async users =>
        {
            if (await users.FindByEmailAsync(email) is not null)
                throw new DomainException("User.EmailTaken", "An account with this e-mail address exists already.");
            var user = new AppUser(email, form.DisplayName, form.CentreId, form.Discipline, form.Language, time.GetUtcNow().UtcDateTime);
            user.RecordRizivNumber(riziv);
            Check(await RizivNumbers.RefusingTakenAsync(() => users.CreateAsync(user)));
            Check(await users.AddToRoleAsync(user, form.Role));
            return ((user, await users.GeneratePasswordResetTokenAsync(user)), user.Id);
        }, ct);
        if (riziv is not null)
            await audit.RecordAsync(actor, "user.riziv", "user", user.Id, ct: ct);
        // Sent once the account exists for certain.
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountMail>().SendInvitationAsync(user, code);
        return user.Id;
    }

    /// <summary>Changes an account; refused when someone changed it since <paramref name="version"/> was read.</summary>
    public async Task UpdateAsync(Actor actor, Guid id, UserForm form, string version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await ValidateCentreAsync(form, ct);
        var riziv = await FreeRizivNumberAsync(form, id, ct);
        var rizivChanged = false;
        await AuditedAsync(actor, "user.update", async users =>
        {
            var user = await FindAsync(users, id, version);
            if (user.Id == actor.UserId && form.Role != actor.Role)
                throw new DomainException("User.OwnRole", "You cannot change your own role.");
            user.Describe(form.DisplayName, form.CentreId, form.Discipline, form.Language);
            rizivChanged = user.RizivNumber != riziv?.Digits;
            user.RecordRizivNumber(riziv);
            Check(await RizivNumbers.RefusingTakenAsync(() => users.UpdateAsync(user)));
            var roles = await users.GetRolesAsync(user);
            if (!roles.SequenceEqual([form.Role]))
            {
                Check(await users.RemoveFromRolesAsync(user, roles));
                Check(await users.AddToRoleAsync(user, form.Role));
            }
            // Centre or role changes take effect at the next request: the person signs in again.
            Check(await users.UpdateSecurityStampAsync(user));
            return (true, user.Id);
        }, ct);
        if (rizivChanged)
            await audit.RecordAsync(actor, "user.riziv", "user", id, ct: ct);
    }

    public async Task SetActiveAsync(Actor actor, Guid id, bool active, string version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        if (id == actor.UserId && !active)
            throw new DomainException("User.DeactivateSelf", "You cannot deactivate your own account.");
        await AuditedAsync(actor, active ? "user.reactivate" : "user.deactivate", async users =>
        {
            var user = await FindAsync(users, id, version);
            if (active)
                user.Reactivate();
            else
                user.Deactivate();
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            return (true, user.Id);
        }, ct);
        if (!active)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SessionService>().EndAllAsync(id, SessionEndReason.AccountDeactivated, ct: ct);
        }
    }

    public async Task UnlockAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await AuditedAsync(actor, "user.unlock", async users =>
        {
            var user = await users.FindByIdAsync(id.ToString()) ?? throw NotFound();
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            return (true, user.Id);
        }, ct);
    }

    /// <summary>The form's RIZIV/INAMI number, checked and not recorded on another account; null when blank.</summary>
    private async Task<TumourBoard.Domain.Diagnoses.RizivNumber?> FreeRizivNumberAsync(UserForm form, Guid holderId, CancellationToken ct)
    {
        var number = RizivNumbers.ParseOptional(form.RizivNumber);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RizivNumbers.EnsureFreeAsync(db, number, holderId, ct);
        return number;
    }

    private static async Task<AppUser> FindAsync(UserManager<AppUser> users, Guid id, string version)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw NotFound();
        if (user.ConcurrencyStamp != version)
            throw new DomainException("Concurrency.Changed", "Someone else changed this in the meantime. Reload to see their change.");
        return user;
    }

    private async Task ValidateCentreAsync(UserForm form, CancellationToken ct)
    {
        if (!Roles.IsKnown(form.Role))
            throw new DomainException("User.RoleInvalid", "Unknown role.");
        if (form.CentreId is null)
        {
            if (!Roles.IsNational(form.Role))
                throw new DomainException("User.CentreRequired", "Data managers, clinicians and observers belong to a centre.");
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Centres.AnyAsync(c => c.Id == form.CentreId && c.IsActive, ct))
            throw new DomainException("User.CentreInvalid", "Choose an active centre.");
    }

    private static string ValidEmail(string? email)
    {
        email = (email ?? "").Trim();
        if (email.Length is 0 or > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            throw new DomainException("User.EmailInvalid", "Enter a valid e-mail address.");
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
            return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new DomainException("Concurrency.Changed", "Someone else changed this in the meantime. Reload to see their change.");
        throw new DomainException("User.Invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static DomainException NotFound() => new("User.NotFound", "This account does not exist.");
}
