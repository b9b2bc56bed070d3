using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Admin;

public sealed class AdminServiceTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>, IAsyncLifetime
{
    private readonly TumourBoardApp _app = fixture.App;
    private AsyncServiceScope _scope;
    private Actor _admin = default!;

    private CentreAdminService Centres => _scope.ServiceProvider.GetRequiredService<CentreAdminService>();

    private UserAdminService Users => _scope.ServiceProvider.GetRequiredService<UserAdminService>();

    public async ValueTask InitializeAsync()
    {
        _scope = _app.Services.CreateAsyncScope();
        var admin = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "admin@demo.tumourboard.be"));
        _admin = new Actor(admin.Id, Roles.Admin, null, admin.Discipline);
    }

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Centres_SeededFromReferenceData_AreTheSevenConfirmedCentres()
    {
        var centres = await Centres.ListAsync(_admin);

        Assert.Superset(new HashSet<string> { "UZL", "UZG", "UZB", "UZA", "CUSL", "HUDERF", "SUHOPL" }, centres.Select(c => c.Code).ToHashSet());
    }

    [Fact]
    public async Task CreateCentre_TheEighth_IsListed()
    {
        var code = "C" + Random.Shared.Next(1000, 9999);

        await Centres.CreateAsync(_admin, new CentreForm { Code = code.ToLowerInvariant(), Name = "Eighth centre", City = "Namur", Language = BoardLanguage.French });

        var created = Assert.Single(await Centres.ListAsync(_admin), c => c.Code == code);
        Assert.Equal("Namur", created.City);
    }

    [Fact]
    public async Task CreateCentre_WithExistingCode_IsRefusedAndNothingChanges()
    {
        var before = (await Centres.ListAsync(_admin)).Count;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Centres.CreateAsync(_admin, new CentreForm { Code = "UZL", Name = "Duplicate", City = "Leuven", Language = BoardLanguage.Dutch }));

        Assert.Equal("Centre.CodeTaken", refused.Code);
        Assert.Equal(before, (await Centres.ListAsync(_admin)).Count);
    }

    [Fact]
    public async Task UpdateCentre_AfterSomeoneElseChangedIt_IsRefusedAndTheirChangeStays()
    {
        var code = "X" + Random.Shared.Next(1000, 9999);
        var id = await Centres.CreateAsync(_admin, new CentreForm { Code = code, Name = "Original", City = "Mons", Language = BoardLanguage.French });
        var seen = (await Centres.ListAsync(_admin)).Single(c => c.Id == id);

        await Centres.UpdateAsync(_admin, id, new CentreForm { Name = "First edit", City = "Mons", Language = BoardLanguage.French }, seen.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            Centres.UpdateAsync(_admin, id, new CentreForm { Name = "Second edit", City = "Mons", Language = BoardLanguage.French }, seen.Version));

        Assert.Equal("First edit", (await Centres.ListAsync(_admin)).Single(c => c.Id == id).Name);
    }

    [Fact]
    public async Task AdminServices_CalledByAClinician_AreRefused()
    {
        var clinician = new Actor(Guid.NewGuid(), Roles.Clinician, 1, Discipline.PaediatricOncology);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Centres.ListAsync(clinician));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.ListAsync(clinician));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.InviteAsync(clinician, new UserForm { Email = "x@example.org", DisplayName = "X" }));
    }

    [Fact]
    public async Task Invite_NewClinician_CreatesTheAccountAndWritesTheInvitationMail()
    {
        var centreId = (await Centres.ListAsync(_admin)).First(c => c.Code == "UZG").Id;
        var email = $"new.{Guid.NewGuid():N}@uzgent.example";

        await Users.InviteAsync(_admin, new UserForm { Email = email, DisplayName = "Dr New", Role = Roles.Clinician, CentreId = centreId, Discipline = Discipline.Radiotherapy, Language = BoardLanguage.Dutch });

        var row = Assert.Single(await Users.ListAsync(_admin), u => u.Email == email);
        Assert.Equal(Roles.Clinician, row.Role);
        Assert.Equal("UZG", row.CentreCode);
        var mail = Directory.GetFiles(_app.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Account/ResetPassword", mail.Replace("=\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-an-email", "User.EmailInvalid")]
    [InlineData("", "User.EmailInvalid")]
    [InlineData("clinician.uzl@demo.tumourboard.be", "User.EmailTaken")]
    public async Task Invite_WithBadEmail_IsRefusedWithItsReason(string email, string code)
    {
        var centreId = (await Centres.ListAsync(_admin)).First().Id;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Users.InviteAsync(_admin, new UserForm { Email = email, DisplayName = "Someone", Role = Roles.Clinician, CentreId = centreId }));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public async Task Invite_ClinicianWithoutCentre_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Users.InviteAsync(_admin, new UserForm { Email = $"c.{Guid.NewGuid():N}@example.org", DisplayName = "No centre", Role = Roles.Clinician }));

        Assert.Equal("User.CentreRequired", refused.Code);
    }

    [Fact]
    public async Task ChangeRole_ToDataManager_IsStored()
    {
        var user = await _app.CreateUserAsync(Roles.Clinician, "CUSL");
        var row = (await Users.ListAsync(_admin)).Single(u => u.Id == user.Id);

        await Users.UpdateAsync(_admin, user.Id, new UserForm { Email = row.Email, DisplayName = "Renamed", Role = Roles.DataManager, CentreId = row.CentreId, Discipline = Discipline.DataManagement }, row.Version);

        var after = (await Users.ListAsync(_admin)).Single(u => u.Id == user.Id);
        Assert.Equal(Roles.DataManager, after.Role);
        Assert.Equal("Renamed", after.DisplayName);
    }

    [Fact]
    public async Task UpdateUser_WithStaleVersion_IsRefused()
    {
        var user = await _app.CreateUserAsync(Roles.Clinician);
        var row = (await Users.ListAsync(_admin)).Single(u => u.Id == user.Id);
        var form = new UserForm { Email = row.Email, DisplayName = "One", Role = row.Role, CentreId = row.CentreId, Discipline = row.Discipline };
        await Users.UpdateAsync(_admin, user.Id, form, row.Version);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Users.UpdateAsync(_admin, user.Id, form, row.Version));

        Assert.Equal("Concurrency.Changed", refused.Code);
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsRefused()
    {
        var row = (await Users.ListAsync(_admin)).Single(u => u.Id == _admin.UserId);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Users.SetActiveAsync(_admin, _admin.UserId, false, row.Version));

        Assert.Equal("User.DeactivateSelf", refused.Code);
    }

    [Fact]
    public async Task EveryAdminChange_IsAudited_WithTheAdminAndWhatChanged()
    {
        var since = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
        var code = "A" + Random.Shared.Next(1000, 9999);
        var centreId = await Centres.CreateAsync(_admin, new CentreForm { Code = code, Name = "Audited centre", City = "Mons", Language = BoardLanguage.French });
        var centre = (await Centres.ListAsync(_admin)).Single(c => c.Id == centreId);
        await Centres.UpdateAsync(_admin, centreId, new CentreForm { Code = code, Name = "Audited centre, renamed", City = "Mons", Language = BoardLanguage.French }, centre.Version);
        centre = (await Centres.ListAsync(_admin)).Single(c => c.Id == centreId);
        await Centres.SetActiveAsync(_admin, centreId, false, centre.Version);
        centre = (await Centres.ListAsync(_admin)).Single(c => c.Id == centreId);
        await Centres.SetActiveAsync(_admin, centreId, true, centre.Version);
        var uzl = (await Centres.ListAsync(_admin)).Single(c => c.Code == "UZL").Id;
        var userId = await Users.InviteAsync(_admin, new UserForm { Email = $"audited-{Guid.NewGuid():N}@example.org", DisplayName = "Audited", Role = Roles.Clinician, CentreId = uzl });
        var user = (await Users.ListAsync(_admin)).Single(u => u.Id == userId);
        await Users.UpdateAsync(_admin, userId, new UserForm { Email = user.Email, DisplayName = "Audited, renamed", Role = Roles.Observer, CentreId = uzl }, user.Version);
        user = (await Users.ListAsync(_admin)).Single(u => u.Id == userId);
        await Users.SetActiveAsync(_admin, userId, false, user.Version);
        await Users.UnlockAsync(_admin, userId);

        var entries = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > since && a.UserId == _admin.UserId).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.ObjectType, a.ObjectId }).ToListAsync());
        Assert.Equal(
            [("centre.create", centreId.ToString()), ("centre.update", centreId.ToString()), ("centre.deactivate", centreId.ToString()), ("centre.reactivate", centreId.ToString()),
             ("user.invite", userId.ToString()), ("user.update", userId.ToString()), ("user.deactivate", userId.ToString()), ("user.unlock", userId.ToString())],
            entries.Select(e => (e.Action, e.ObjectId!)));
    }

    [Fact]
    public async Task RefusedAdminChange_LeavesNoAuditEntry()
    {
        var since = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;

        await Assert.ThrowsAsync<DomainException>(() =>
            Centres.CreateAsync(_admin, new CentreForm { Code = "UZL", Name = "Duplicate", City = "Leuven", Language = BoardLanguage.Dutch }));

        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Id > since && a.UserId == _admin.UserId && a.Action.StartsWith("centre."))));
    }
}
