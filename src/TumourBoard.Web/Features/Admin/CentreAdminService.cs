using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Centres;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;

namespace TumourBoard.Web.Features.Admin;

public sealed record CentreRow(int Id, string Code, string Name, string City, BoardLanguage Language, bool IsActive, int Members, uint Version);

public sealed class CentreForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public BoardLanguage Language { get; set; }
}

/// <summary>Centres, managed by Admins; every change is audited with it.</summary>
public sealed class CentreAdminService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit)
{
    public async Task<IReadOnlyList<CentreRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centres.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new CentreRow(c.Id, c.Code, c.Name, c.City, c.Language, c.IsActive,
                db.Users.Count(u => u.CentreId == c.Id), EF.Property<uint>(c, Concurrency.VersionProperty)))
            .ToListAsync(ct);
    }

    public async Task<int> CreateAsync(Actor actor, CentreForm form, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        var centre = new Centre(form.Code, form.Name, form.City, form.Language);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Centres.AnyAsync(c => c.Code == centre.Code, ct))
            throw new DomainException("Centre.CodeTaken", $"A centre with code {centre.Code} exists already.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Centres.Add(centre);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, "centre.create", "centre", centre.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return centre.Id;
    }

    /// <summary>Renames a centre; refused when someone changed it since <paramref name="version"/> was read.</summary>
    public async Task UpdateAsync(Actor actor, int id, CentreForm form, uint version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        db.ExpectVersion(centre, version);
        centre.Rename(form.Name, form.City, form.Language);
        await SaveAuditedAsync(db, actor, "centre.update", centre.Id, ct);
    }

    public async Task SetActiveAsync(Actor actor, int id, bool active, uint version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageCentresAndUsers(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        db.ExpectVersion(centre, version);
        if (active)
            centre.Reactivate();
        else
            centre.Deactivate();
        await SaveAuditedAsync(db, actor, active ? "centre.reactivate" : "centre.deactivate", centre.Id, ct);
    }

    private async Task SaveAuditedAsync(TumourBoardDbContext db, Actor actor, string action, int centreId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, action, "centre", centreId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static DomainException NotFound() => new("Centre.NotFound", "This centre does not exist.");
}
