using System.Reflection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Domain.Tests.Meetings;

public sealed class AgendaTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 11, 30, 0, DateTimeKind.Utc);

    private static Meeting Planned(int durationMinutes = 60) =>
        Meeting.Extra(Start, durationMinutes, null, BoardLanguage.English, null, Guid.NewGuid());

    // Items get their ids from the database; tests give them ids as EF would.
    private static AgendaItem Add(Meeting meeting, int caseId, int minutes = 10, bool late = false, bool carried = false)
    {
        var item = meeting.AddCase(caseId, minutes, null, late, carried);
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(item, caseId * 100);
        return item;
    }

    [Fact]
    public void Schedule_GivesEachItemItsStartFromTheMeetingsStart()
    {
        var meeting = Planned();
        Add(meeting, 1, 10);
        Add(meeting, 2, 15);
        Add(meeting, 3, 5);

        var starts = meeting.Schedule().Select(s => s.StartsAtUtc).ToList();

        Assert.Equal([Start, Start.AddMinutes(10), Start.AddMinutes(25)], starts);
        Assert.Equal(30, meeting.AgendaMinutes);
        Assert.False(meeting.RunsOverTime);
    }

    [Fact]
    public void Agenda_LongerThanTheMeeting_RunsOverTime()
    {
        var meeting = Planned(durationMinutes: 20);
        Add(meeting, 1, 15);
        Add(meeting, 2, 10);

        Assert.True(meeting.RunsOverTime);
    }

    [Fact]
    public void Reorder_WithEveryItemOnce_SetsTheNewOrderAndTimes()
    {
        var meeting = Planned();
        var a = Add(meeting, 1, 10);
        var b = Add(meeting, 2, 20);

        meeting.Reorder([b.Id, a.Id]);

        Assert.Equal([b, a], meeting.Items);
        Assert.Equal(Start.AddMinutes(20), meeting.Schedule()[1].StartsAtUtc);
    }

    [Theory]
    [InlineData(new[] { 100 })]
    [InlineData(new[] { 100, 100 })]
    [InlineData(new[] { 100, 999 })]
    [InlineData(new[] { 100, 200, 300 })]
    public void Reorder_WithUnknownMissingOrRepeatedIds_IsRefusedAndChangesNothing(int[] ids)
    {
        var meeting = Planned();
        var a = Add(meeting, 1);
        var b = Add(meeting, 2);

        var refused = Assert.Throws<DomainException>(() => meeting.Reorder(ids));

        Assert.Equal("Agenda.OrderInvalid", refused.Code);
        Assert.Equal([a, b], meeting.Items);
    }

    [Fact]
    public void AddCase_Twice_IsRefused()
    {
        var meeting = Planned();
        Add(meeting, 1);

        Assert.Equal("Agenda.CaseAlreadyOn", Assert.Throws<DomainException>(() => meeting.AddCase(1, 10, null)).Code);
    }

    [Fact]
    public void RemoveItem_RenumbersTheRest()
    {
        var meeting = Planned();
        Add(meeting, 1);
        var b = Add(meeting, 2);
        var c = Add(meeting, 3);

        meeting.RemoveItem(b.Id, byCoordinator: false);

        Assert.Equal([1, 2], meeting.Items.Select(i => i.Position));
        Assert.Equal(c, meeting.Items[1]);
    }

    [Fact]
    public void Publish_FixesTheAgenda()
    {
        var meeting = Planned();
        var a = Add(meeting, 1);

        meeting.PublishAgenda(Start.AddDays(-2));

        Assert.Equal(MeetingStatus.AgendaPublished, meeting.Status);
        Assert.Equal("Agenda.Published", Assert.Throws<DomainException>(() => meeting.AddCase(2, 10, null)).Code);
        Assert.Equal("Agenda.Published", Assert.Throws<DomainException>(() => meeting.Reorder([a.Id])).Code);
        Assert.Equal("Agenda.Published", Assert.Throws<DomainException>(() => meeting.RemoveItem(a.Id, byCoordinator: false)).Code);
    }

    [Fact]
    public void Publish_AnEmptyAgenda_IsRefused() =>
        Assert.Equal("Agenda.Empty", Assert.Throws<DomainException>(() => Planned().PublishAgenda(Start)).Code);

    [Fact]
    public void LateAddition_AfterPublication_IsMarked()
    {
        var meeting = Planned();
        Add(meeting, 1);
        meeting.PublishAgenda(Start.AddDays(-1));

        var late = Add(meeting, 2, late: true);

        Assert.True(late.IsLateAddition);
        Assert.Equal(2, late.Position);
    }

    [Fact]
    public void CarriedOverCase_GoesToTheTop()
    {
        var meeting = Planned();
        var a = Add(meeting, 1);
        var b = Add(meeting, 2);

        var carried = Add(meeting, 3, carried: true);

        Assert.Equal([carried, a, b], meeting.Items);
        Assert.True(carried.IsCarriedOver);
    }

    [Fact]
    public void DeferItem_KeepsTheReasonAndLeavesTheTimeFree()
    {
        var meeting = Planned();
        Add(meeting, 1, 10);
        var b = Add(meeting, 2, 20);

        meeting.DeferItem(b.Id, "Presenter absent");

        Assert.Equal(AgendaItemStatus.Deferred, b.Status);
        Assert.Equal("Presenter absent", b.DeferralReason);
        Assert.Equal(10, meeting.AgendaMinutes);
        Assert.Equal("Agenda.DeferReasonRequired", Assert.Throws<DomainException>(() => meeting.DeferItem(b.Id, " ")).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void ItemMinutes_OutOfRange_AreRefused(int minutes) =>
        Assert.Equal("Agenda.MinutesInvalid", Assert.Throws<DomainException>(() => Planned().AddCase(1, minutes, null)).Code);

    [Fact]
    public void Cancelled_MeetingsAgenda_CannotChange()
    {
        var meeting = Planned();
        meeting.Cancel("Holiday");

        Assert.Equal("Agenda.Closed", Assert.Throws<DomainException>(() => meeting.AddCase(1, 10, null)).Code);
    }

    [Theory]
    [InlineData(DiseaseStatus.NewDiagnosis, Urgency.Routine, 10)]
    [InlineData(DiseaseStatus.NewDiagnosis, Urgency.Urgent, 15)]
    [InlineData(DiseaseStatus.Relapse, Urgency.Routine, 15)]
    [InlineData(DiseaseStatus.FollowUp, Urgency.Routine, 5)]
    public void DefaultMinutes_DependOnTheKindOfCase(DiseaseStatus status, Urgency urgency, int minutes) =>
        Assert.Equal(minutes, AgendaRules.DefaultMinutes(status, urgency));

    [Fact]
    public void CaseScheduling_FollowsTheAgenda()
    {
        var @case = PatientCase.Draft("BSPHO-2026-0009", 1, Guid.NewGuid(), new CaseContent
        {
            AgeYears = 12, DiagnosisLabel = "Osteosarcoma", Question = "Limb salvage?", Options = [new OptionContent("Limb salvage")],
            ConsentConfirmed = true, PresenterId = Guid.NewGuid(),
        }, Start);
        Assert.Equal("Agenda.CaseNotSubmitted", Assert.Throws<DomainException>(() => @case.Schedule(null, Start)).Code);
        @case.Submit(Guid.NewGuid(), Start);

        @case.Schedule(null, Start);
        Assert.Throws<DomainException>(() => @case.Schedule(null, Start));
        @case.Defer(null, Start, "Time ran out");
        @case.Schedule(null, Start, "Carried over");
        @case.Unschedule(null, Start);

        Assert.Equal(CaseStatus.Submitted, @case.Status);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.Submitted, CaseEventKind.Scheduled, CaseEventKind.Deferred, CaseEventKind.Scheduled, CaseEventKind.Unscheduled],
            @case.Events.Select(e => e.Kind));
    }
}
