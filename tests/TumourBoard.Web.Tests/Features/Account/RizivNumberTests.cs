using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Tests.Features.Moc;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Account;

/// <summary>A person's RIZIV/INAMI number: kept by themselves or an administrator, checked, never shown to anyone else, audited.</summary>
public sealed partial class RizivNumberTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private Task<string?> StoredAsync(Guid userId) => _app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.RizivNumber).SingleAsync());

    private static Actor ActorOf(TumourBoard.Web.Data.AppUser user, string role) => new(user.Id, role, user.CentreId, user.Discipline);

    [Fact]
    public async Task Api_SetReadAndRemove_OwnNumber_StoredAsDigits_AndAudited()
    {
        using var client = _app.ApiClient("demo-clinician.uzg");
        var number = MocScenario.NewRizivNumber();
        var userId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "clinician.uzg@demo.tumourboard.be").Select(u => u.Id).SingleAsync());

        var set = await client.PutAsJsonAsync("api/v1/profile/riziv", new { rizivNumber = $"  {number} " });
        var profile = await client.GetFromJsonAsync<JsonElement>("api/v1/profile");
        var stored = await StoredAsync(userId);
        var removed = await client.DeleteAsync("api/v1/profile/riziv");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(number, profile.GetProperty("rizivNumber").GetString());
        Assert.Equal(number.Replace("-", "", StringComparison.Ordinal), stored);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(await StoredAsync(userId));
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.riziv" && a.ObjectId == userId.ToString() && a.UserId == userId)));
    }

    [Fact]
    public async Task Api_NumberOfAnotherAccount_IsRefusedAsTaken_AndAMissingNumberAsRequired()
    {
        var number = MocScenario.NewRizivNumber();
        using var first = _app.ApiClient("demo-clinician.uza");
        using var second = _app.ApiClient("demo-clinician.uzb");
        Assert.Equal(HttpStatusCode.NoContent, (await first.PutAsJsonAsync("api/v1/profile/riziv", new { rizivNumber = number })).StatusCode);

        var taken = await second.PutAsJsonAsync("api/v1/profile/riziv", new { rizivNumber = number.Replace("-", "", StringComparison.Ordinal) });
        var missing = await second.PutAsJsonAsync("api/v1/profile/riziv", new { rizivNumber = " " });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("Riziv.NumberTaken", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Riziv.NumberRequired", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "clinician.uzb@demo.tumourboard.be").Select(u => u.RizivNumber).SingleAsync()));
    }

    [Fact]
    public async Task ProfilePage_InvalidNumber_IsRefusedInline_WhatWasTypedKept_AndNothingStored()
    {
        var user = await _app.CreateUserAsync(Roles.Clinician, "UZL", Discipline.Surgery);
        var client = await _app.SignedInClientAsync(user.Email!);

        var response = await PostRizivFormAsync(client, "1-23456-26-901");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"riziv-error\"", page);
        Assert.Contains("This is not a RIZIV/INAMI number", page);
        Assert.Contains("value=\"1-23456-26-901\"", page);
        Assert.Null(await StoredAsync(user.Id));
    }

    [Fact]
    public async Task ProfilePage_ValidNumber_IsSaved_AndShownAgainInItsWrittenForm()
    {
        var user = await _app.CreateUserAsync(Roles.Clinician, "UZL", Discipline.Radiotherapy);
        var client = await _app.SignedInClientAsync(user.Email!);
        var number = MocScenario.NewRizivNumber();

        var response = await PostRizivFormAsync(client, number.Replace("-", "", StringComparison.Ordinal));
        var page = await client.GetStringAsync("Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(number.Replace("-", "", StringComparison.Ordinal), await StoredAsync(user.Id));
        Assert.Contains($"value=\"{number}\"", page);
        Assert.Contains("Your RIZIV/INAMI number has been saved.", page);
    }

    [Fact]
    public async Task Admin_SetsAndClearsSomeonesNumber_OnTheUsersPage_AndOthersCannot()
    {
        var admin = ActorOf(await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "admin@demo.tumourboard.be")), Roles.Admin);
        var person = await _app.CreateUserAsync(Roles.Clinician, "UZG", Discipline.Pathology);
        var number = MocScenario.NewRizivNumber();
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        UserForm Form(UserRow row, string? riziv) => new()
        {
            Email = row.Email, DisplayName = row.DisplayName, Role = row.Role, CentreId = row.CentreId, Discipline = row.Discipline, Language = row.Language, RizivNumber = riziv,
        };
        async Task<UserRow> RowAsync() => (await users.ListAsync(admin)).Single(r => r.Id == person.Id);

        var invalid = await Assert.ThrowsAsync<DomainException>(async () => await users.UpdateAsync(admin, person.Id, Form(await RowAsync(), "12345678901"), (await RowAsync()).Version));
        await users.UpdateAsync(admin, person.Id, Form(await RowAsync(), number), (await RowAsync()).Version);
        var shown = (await RowAsync()).RizivNumber;
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        await Assert.ThrowsAsync<AccessDeniedException>(() => profiles.SetRizivNumberAsync(coordinator, person.Id, MocScenario.NewRizivNumber()));
        await users.UpdateAsync(admin, person.Id, Form(await RowAsync(), ""), (await RowAsync()).Version);

        Assert.Equal("Riziv.NumberInvalid", invalid.Code);
        Assert.Equal(number, shown);
        Assert.Null(await StoredAsync(person.Id));
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.riziv" && a.ObjectId == person.Id.ToString() && a.UserId == admin.UserId)));
    }

    [Fact]
    public async Task AnOpenAdminForm_DoesNotWriteBackANumberThePersonChangedMeanwhile()
    {
        var admin = ActorOf(await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "admin@demo.tumourboard.be")), Roles.Admin);
        var person = await _app.CreateUserAsync(Roles.Clinician, "UZG", Discipline.Surgery);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var seen = (await users.ListAsync(admin)).Single(r => r.Id == person.Id);
        var own = MocScenario.NewRizivNumber();

        await scope.ServiceProvider.GetRequiredService<ProfileService>().SetRizivNumberAsync(ActorOf(person, Roles.Clinician), person.Id, own);
        var stale = await Assert.ThrowsAsync<DomainException>(() => users.UpdateAsync(admin, person.Id, new UserForm
        {
            Email = seen.Email, DisplayName = "Renamed", Role = seen.Role, CentreId = seen.CentreId, Discipline = seen.Discipline, Language = seen.Language, RizivNumber = null,
        }, seen.Version));

        Assert.Equal("Concurrency.Changed", stale.Code);
        Assert.Equal(own.Replace("-", "", StringComparison.Ordinal), await StoredAsync(person.Id));
    }

    [Fact]
    public async Task RoomAndMinutes_NeverShowANumber()
    {
        var scenario = await MocScenario.HeldAsync(_app);
        using var other = _app.ApiClient("demo-clinician.cusl");

        var room = await other.GetStringAsync($"api/v1/meetings/{scenario.MeetingId}/room");
        var minutes = await other.GetStringAsync($"api/v1/meetings/{scenario.MeetingId}/minutes");

        var numbers = await _app.WithDbAsync(db => db.Users.Where(u => u.RizivNumber != null).Select(u => u.RizivNumber!).ToListAsync());
        Assert.NotEmpty(numbers);
        foreach (var n in numbers)
        {
            Assert.DoesNotContain(n, room + minutes);
            Assert.DoesNotContain(RizivNumbers.Written(n)!, room + minutes);
        }
    }

    private static async Task<HttpResponseMessage> PostRizivFormAsync(HttpClient client, string number)
    {
        var page = await client.GetStringAsync("Account/Manage");
        var token = Antiforgery().Match(page).Groups[1].Value;
        return await client.PostAsync("Account/Manage", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "riziv",
            ["Riziv.Number"] = number,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
