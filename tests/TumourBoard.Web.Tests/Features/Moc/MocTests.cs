using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain;
using TumourBoard.Domain.Moc;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Features.Moc;
using TumourBoard.Web.Tests.Documents;
using TumourBoard.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TumourBoard.Web.Tests.Features.Moc;

public sealed class MocTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<MocResult?> RoomMocAsync(int meetingId, string token = "demo-observer")
    {
        using var client = _app.ApiClient(token);
        var room = await client.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{meetingId}/room");
        return room.GetProperty("moc").Deserialize<MocResult>(Json);
    }

    [Fact]
    public async Task Room_ShowsTheCheckOfTheCaseUnderDiscussion_AndFollowsThePhysiciansPresent()
    {
        var scenario = await MocScenario.StartAsync(_app);

        var withoutNumber = await RoomMocAsync(scenario.MeetingId);
        await scenario.GiveRizivNumberAsync(scenario.Pathologist);
        var withNumber = await RoomMocAsync(scenario.MeetingId);
        await scenario.LeaveAsync(scenario.Radiotherapist);
        var afterLeaving = await RoomMocAsync(scenario.MeetingId);

        Assert.Equal(MocStatus.NotMet, withoutNumber!.Status);
        Assert.Equal(3, withoutNumber.Physicians);
        Assert.Equal(1, withoutNumber.PhysiciansWithoutRizivNumber);
        Assert.Equal([new MocReason(MocReasonKind.TooFewPhysicians, 3, 4)], withoutNumber.Reasons);
        Assert.Equal(Discipline.PaediatricOncology, withoutNumber.TreatingSpecialty);
        Assert.Equal(MocStatus.Met, withNumber!.Status);
        Assert.Equal(4, withNumber.Physicians);
        // The radiotherapist was there for part of the discussion: they still count for this case.
        Assert.Equal(MocStatus.Met, afterLeaving!.Status);
    }

    [Fact]
    public async Task Room_RefersToTheRulesInForceWhenTheMeetingStarted()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        var moc = scope.ServiceProvider.GetRequiredService<MocService>();
        var before = await moc.GetRulesAsync(coordinator);
        var scenario = await MocScenario.StartAsync(_app);
        try
        {
            await moc.SaveRulesAsync(coordinator, MocRules.Default with { MinPhysicians = 6, RequiredSpecialties = [Discipline.Radiology] }, before.Version);
            var started = await RoomMocAsync(scenario.MeetingId);
            var saved = await moc.GetRulesAsync(coordinator);

            Assert.Equal(4, started!.Rules.MinPhysicians);
            Assert.Empty(started.Rules.RequiredSpecialties);
            Assert.Equal(6, saved.Rules.MinPhysicians);
            Assert.Equal([Discipline.Radiology], saved.Rules.RequiredSpecialties);
            Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "moc.rules" && a.UserId == coordinator.UserId)));
        }
        finally
        {
            await moc.SaveRulesAsync(coordinator, MocRules.Default, (await moc.GetRulesAsync(coordinator)).Version);
        }
    }

    [Fact]
    public async Task Rules_AreRefusedToAnyoneButTheCoordinator_AndInvalidOnesChangeNothing()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        var moc = scope.ServiceProvider.GetRequiredService<MocService>();
        var before = await moc.GetRulesAsync(coordinator);

        foreach (var email in new[] { "admin@demo.tumourboard.be", "clinician.uzl@demo.tumourboard.be", "observer@demo.tumourboard.be" })
            await Assert.ThrowsAsync<AccessDeniedException>(async () => await moc.SaveRulesAsync(await _app.ActorAsync(email), MocRules.Default, null));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => moc.SaveRulesAsync(coordinator, MocRules.Default with { MinPhysicians = 0 }, before.Version));

        Assert.Equal("Moc.RulesInvalid", invalid.Code);
        Assert.Equal(before.Rules.MinPhysicians, (await moc.GetRulesAsync(coordinator)).Rules.MinPhysicians);
    }

    [Fact]
    public async Task Minutes_CheckEachCaseForThePhysiciansPresentDuringItsDiscussion_OnThePageAndInThePdf()
    {
        var scenario = await MocScenario.HeldAsync(_app);
        using var dataManager = _app.ApiClient("demo-datamanager.uzl");

        var minutes = await dataManager.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{scenario.MeetingId}/minutes");
        var pdf = await dataManager.GetByteArrayAsync($"api/v1/meetings/{scenario.MeetingId}/minutes.pdf");

        var cases = minutes.GetProperty("record").GetProperty("cases").EnumerateArray().ToList();
        var first = cases.Single(c => c.GetProperty("code").GetString() == scenario.First.Code).GetProperty("moc").Deserialize<MocResult>(Json)!;
        var second = cases.Single(c => c.GetProperty("code").GetString() == scenario.Second.Code).GetProperty("moc").Deserialize<MocResult>(Json)!;
        Assert.Equal(MocStatus.Met, first.Status);
        Assert.Equal(4, first.Physicians);
        Assert.Equal(MocStatus.NotMet, second.Status);
        Assert.Equal([new MocReason(MocReasonKind.TooFewPhysicians, 3, 4)], second.Reasons);
        Assert.Equal(4, minutes.GetProperty("record").GetProperty("mocRules").GetProperty("minPhysicians").GetInt32());
        // Written next to the tests, to be looked at (pdftoppm -png) while developing.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "pdfs"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "pdfs", "minutes-with-moc.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var text = PdfReading.WithoutSpaces(string.Join("\n", document.GetPages().Select(PdfReading.PageText)));
        Assert.Contains(PdfReading.WithoutSpaces("MOC conditions met for 1 of 2 cases discussed."), text);
        Assert.Contains(PdfReading.WithoutSpaces("MOC conditions not met: 3 physicians counted, 4 required"), text);
        Assert.Contains(PdfReading.WithoutSpaces("MOC conditions met: Physicians counted: 4"), text);
        Assert.Contains(PdfReading.WithoutSpaces("At least 4 physicians of at least 3 specialties; including the treating specialty; only physicians with a RIZIV/INAMI number count."), text);
    }

    [Fact]
    public async Task CasePage_ShowsTheCheckOfEachMeetingThatDiscussedTheCase_ToOtherCentresWithoutNames()
    {
        var scenario = await MocScenario.HeldAsync(_app);
        await using var scope = _app.Services.CreateAsyncScope();

        var details = await scope.ServiceProvider.GetRequiredService<CaseService>().GetAsync(await _app.ActorAsync("clinician.cusl@demo.tumourboard.be"), scenario.Second.CaseId);
        using var other = _app.ApiClient("demo-clinician.cusl");
        var json = await other.GetStringAsync($"api/v1/cases/{scenario.Second.CaseId}");

        var discussion = Assert.Single(details.Discussions!);
        Assert.Equal(scenario.MeetingId, discussion.MeetingId);
        Assert.Equal(MocStatus.NotMet, discussion.Moc!.Status);
        Assert.Equal(3, discussion.Moc.Physicians);
        Assert.Contains("\"discussions\"", json);
        Assert.DoesNotContain("Test Clinician", json);
        var numbers = await _app.WithDbAsync(db => db.Users.Where(u => u.RizivNumber != null).Select(u => u.RizivNumber!).ToListAsync());
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.DoesNotContain(n, json));
        Assert.All(numbers, n => Assert.DoesNotContain(TumourBoard.Web.Features.Account.RizivNumbers.Written(n)!, json));
    }

    [Fact]
    public async Task MeetingStartedBeforeTheRulesWereFixedOnMeetings_IsCheckedWithTheRulesInForce()
    {
        var scenario = await MocScenario.StartAsync(_app);
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE meetings SET \"MocRules\" = NULL WHERE \"Id\" = {0}", scenario.MeetingId));

        var result = await RoomMocAsync(scenario.MeetingId);

        Assert.Equal(MocStatus.NotMet, result!.Status);
        Assert.Equal(MocRules.Default.MinPhysicians, result.Rules.MinPhysicians);
    }
}
