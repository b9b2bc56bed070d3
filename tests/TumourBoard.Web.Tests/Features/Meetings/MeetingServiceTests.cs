using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Calendar;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Meetings;

public sealed class MeetingServiceTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>, IAsyncLifetime
{
    private readonly TumourBoardApp _app = fixture.App;
    private AsyncServiceScope _scope;

    private MeetingService Meetings => _scope.ServiceProvider.GetRequiredService<MeetingService>();

    public ValueTask InitializeAsync()
    {
        _scope = _app.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    private async Task<int> SubmittedCaseAsync()
    {
        var clinician = await _app.ActorAsync("clinician.uzb@demo.tumourboard.be");
        var cases = _scope.ServiceProvider.GetRequiredService<CaseService>();
        var (id, _) = await cases.CreateDraftAsync(clinician, new CaseContent
        {
            AgeYears = 14, Sex = Sex.Male, DiagnosisLabel = "Ewing sarcoma of the pelvis", Morphology = "9260/3", Topography = "C41.4",
            DiseaseStatus = DiseaseStatus.Refractory, Question = "High-dose chemotherapy or trial?", Options = [new OptionContent("Busulfan-melphalan"), new OptionContent("Trial")],
            ConsentConfirmed = true,
        }, null);
        await cases.SubmitAsync(clinician, id, null);
        return id;
    }

    private async Task<int> ExtraMeetingAsync(int daysAhead)
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        return await Meetings.CreateExtraAsync(coordinator, DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(16), 60, $"Extra {daysAhead}", BoardLanguage.Dutch, null);
    }

    private Task<CaseStatus> StatusOf(int caseId) => _app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task Cancel_PutsTheCasesBackToSubmittedAndEmptiesTheAgenda()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var meetingId = await ExtraMeetingAsync(70);
        var caseId = await SubmittedCaseAsync();
        await Meetings.AddItemAsync(coordinator, meetingId, caseId, null, null, null);

        await Meetings.CancelAsync(coordinator, meetingId, "Public holiday", null);

        var meeting = await Meetings.GetAsync(coordinator, meetingId);
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Empty(meeting.Items);
        Assert.Equal(CaseStatus.Submitted, await StatusOf(caseId));
        Assert.Contains(await Meetings.AvailableCasesAsync(coordinator), c => c.Id == caseId);
    }

    [Fact]
    public async Task Defer_CarriesTheCaseToTheTopOfTheNextMeeting_WithItsHistory()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var first = await ExtraMeetingAsync(80);
        var next = await ExtraMeetingAsync(81);
        var deferred = await SubmittedCaseAsync();
        var waiting = await SubmittedCaseAsync();
        await Meetings.AddItemAsync(coordinator, next, waiting, null, null, null);
        var itemId = await Meetings.AddItemAsync(coordinator, first, deferred, 12, null, null);
        await Meetings.PublishAsync(coordinator, first, null);

        await Meetings.DeferItemAsync(coordinator, first, itemId, "Presenter absent");

        var before = await Meetings.GetAsync(coordinator, first);
        Assert.Equal(AgendaItemStatus.Deferred, before.Items.Single().Status);
        Assert.Equal("Presenter absent", before.Items.Single().DeferralReason);
        var after = await Meetings.GetAsync(coordinator, next);
        Assert.Equal(deferred, after.Items[0].CaseId);
        Assert.True(after.Items[0].IsCarriedOver);
        Assert.Equal(12, after.Items[0].Minutes);
        Assert.Equal(waiting, after.Items[1].CaseId);
        Assert.Equal(CaseStatus.Scheduled, await StatusOf(deferred));
        var history = await _app.WithDbAsync(db => db.Set<CaseEvent>().Where(e => EF.Property<int>(e, "CaseId") == deferred).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([CaseEventKind.Created, CaseEventKind.Submitted, CaseEventKind.Scheduled, CaseEventKind.Deferred, CaseEventKind.Scheduled], history);
    }

    [Fact]
    public async Task Defer_ByAClinicianWhoIsNotTheChair_IsRefused()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var clinician = await _app.ActorAsync("clinician.uzl@demo.tumourboard.be");
        var meetingId = await ExtraMeetingAsync(90);
        var itemId = await Meetings.AddItemAsync(coordinator, meetingId, await SubmittedCaseAsync(), null, null, null);
        await Meetings.PublishAsync(coordinator, meetingId, null);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Meetings.DeferItemAsync(clinician, meetingId, itemId, "Out of time"));
    }

    [Fact]
    public async Task AgendaEdit_OnAStaleView_IsRefusedAndTheOtherEditStays()
    {
        var dm = await _app.ActorAsync("datamanager.uzl@demo.tumourboard.be");
        var meetingId = await ExtraMeetingAsync(100);
        var seen = await Meetings.GetAsync(dm, meetingId);
        var first = await SubmittedCaseAsync();

        await Meetings.AddItemAsync(dm, meetingId, first, null, null, seen.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Meetings.AddItemAsync(dm, meetingId, SubmittedCaseAsync().Result, null, null, seen.Version));

        var meeting = await Meetings.GetAsync(dm, meetingId);
        Assert.Equal(first, Assert.Single(meeting.Items).CaseId);
    }

    [Fact]
    public async Task Presenter_FromAnotherCentre_IsRefused()
    {
        var dm = await _app.ActorAsync("datamanager.uzl@demo.tumourboard.be");
        var otherCentreClinician = await _app.ActorAsync("clinician.uzl@demo.tumourboard.be");
        var meetingId = await ExtraMeetingAsync(110);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Meetings.AddItemAsync(dm, meetingId, SubmittedCaseAsync().Result, null, otherCentreClinician.UserId, null));

        Assert.Equal("Agenda.PresenterInvalid", refused.Code);
    }

    [Fact]
    public async Task CalendarFeed_WorksUntilRenewedOrRevoked()
    {
        var clinician = await _app.ActorAsync("clinician.huderf@demo.tumourboard.be");
        var calendar = _scope.ServiceProvider.GetRequiredService<CalendarService>();
        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress };

        var url = await calendar.RenewFeedAsync(clinician);
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("BEGIN:VEVENT", await feed.Content.ReadAsStringAsync());

        var renewed = await calendar.RenewFeedAsync(clinician);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        await calendar.RevokeFeedAsync(clinician);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task ScheduleSaved_Unchanged_KeepsEveryMeeting()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var schedule = (await Meetings.GetScheduleAsync(coordinator))!;
        var before = (await Meetings.ListAsync(coordinator, upcoming: true, DateTime.UtcNow, take: 100)).Where(m => m.Kind == MeetingKind.Weekly).Select(m => (m.Id, m.StartsAtUtc)).ToList();

        await Meetings.SaveScheduleAsync(coordinator, schedule.Day, schedule.StartTime, schedule.DurationMinutes, schedule.Language, schedule.VideoLink, schedule.DefaultChairId, schedule.Version);

        var after = (await Meetings.ListAsync(coordinator, upcoming: true, DateTime.UtcNow, take: 100)).Where(m => m.Kind == MeetingKind.Weekly).Select(m => (m.Id, m.StartsAtUtc)).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ScheduleChange_MovesTheUnpreparedWeeklyMeetings()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var schedule = await Meetings.GetScheduleAsync(coordinator);

        await Meetings.SaveScheduleAsync(coordinator, DayOfWeek.Thursday, new TimeOnly(17, 0), 120, BoardLanguage.French, null, schedule!.DefaultChairId, schedule.Version);

        var upcoming = await Meetings.ListAsync(coordinator, upcoming: true, DateTime.UtcNow, take: 100);
        var weekly = upcoming.Where(m => m.Kind == MeetingKind.Weekly && m.Status == MeetingStatus.Planned && m.ItemCount == 0).ToList();
        Assert.Equal(8, weekly.Count);
        Assert.All(weekly, m =>
        {
            var local = BoardTime.ToLocal(m.StartsAtUtc);
            Assert.Equal(DayOfWeek.Thursday, local.DayOfWeek);
            Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(local));
        });
    }
}
