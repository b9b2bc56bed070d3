using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Moc;
using TumourBoard.Domain.People;

namespace TumourBoard.Domain.Tests.Moc;

public sealed class MocCheckTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 11, 30, 0, DateTimeKind.Utc);

    /// <summary>The item was discussed from 11:40 to 11:55.</summary>
    private static readonly MocDiscussion[] Discussed = [new(Start.AddMinutes(10), Start.AddMinutes(25))];

    private static MocAttendance Physician(Discipline discipline, bool riziv = true, string role = Roles.Clinician, int from = 0, int? to = null) =>
        new(Guid.NewGuid(), role, discipline, riziv, Start.AddMinutes(from), to is { } t ? Start.AddMinutes(t) : null);

    /// <summary>A paediatric oncologist (who presents), a surgeon, a radiotherapist and a pathologist, all in the room throughout.</summary>
    private static List<MocAttendance> FullBoard(out MocAttendance presenter)
    {
        presenter = Physician(Discipline.PaediatricOncology);
        return [presenter, Physician(Discipline.Surgery), Physician(Discipline.Radiotherapy), Physician(Discipline.Pathology)];
    }

    [Fact]
    public void Check_FourPhysiciansOfFourSpecialtiesWithTheTreatingOne_IsMet()
    {
        var room = FullBoard(out var presenter);

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(MocStatus.Met, result.Status);
        Assert.Equal(4, result.Physicians);
        Assert.Equal([Discipline.Surgery, Discipline.Radiotherapy, Discipline.Pathology, Discipline.PaediatricOncology], result.Specialties.OrderBy(d => d.ToString() == "PaediatricOncology").ThenBy(d => d));
        Assert.Equal(Discipline.PaediatricOncology, result.TreatingSpecialty);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Check_ThreePhysicians_IsNotMet_SayingHowManyWerePresentAndRequired()
    {
        var room = FullBoard(out var presenter).Take(3);

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(MocStatus.NotMet, result.Status);
        Assert.Equal([new MocReason(MocReasonKind.TooFewPhysicians, 3, 4)], result.Reasons);
    }

    [Fact]
    public void Check_PaediatricHaematologyAndOncology_CountAsOneSpecialty()
    {
        var presenter = Physician(Discipline.PaediatricOncology);
        var room = new[] { presenter, Physician(Discipline.PaediatricHaematology), Physician(Discipline.PaediatricOncology), Physician(Discipline.Surgery) };

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(MocStatus.NotMet, result.Status);
        Assert.Equal(4, result.Physicians);
        Assert.Equal([new MocReason(MocReasonKind.TooFewSpecialties, 2, 3)], result.Reasons);
    }

    [Fact]
    public void Check_PhysicianWithoutRizivNumber_IsNotCounted_WhenTheRulesRequireOne()
    {
        var room = FullBoard(out var presenter);
        room[3] = room[3] with { HoldsRizivNumber = false };

        var required = MocResult.Check(MocRules.Default, Discussed, room, presenter);
        var notRequired = MocResult.Check(MocRules.Default with { RizivNumberRequired = false }, Discussed, room, presenter);

        Assert.Equal(MocStatus.NotMet, required.Status);
        Assert.Equal(3, required.Physicians);
        Assert.Equal(1, required.PhysiciansWithoutRizivNumber);
        Assert.Equal([new MocReason(MocReasonKind.TooFewPhysicians, 3, 4)], required.Reasons);
        Assert.Equal(MocStatus.Met, notRequired.Status);
        Assert.Equal(4, notRequired.Physicians);
        Assert.Equal(0, notRequired.PhysiciansWithoutRizivNumber);
    }

    [Fact]
    public void Check_RequiredSpecialtyAbsent_IsNamed()
    {
        var room = FullBoard(out var presenter);
        var rules = MocRules.Default with { RequiredSpecialties = [Discipline.Radiotherapy, Discipline.Radiology] };

        var result = MocResult.Check(rules, Discussed, room, presenter);

        Assert.Equal(MocStatus.NotMet, result.Status);
        Assert.Equal([new MocReason(MocReasonKind.SpecialtyAbsent, Specialty: Discipline.Radiology)], result.Reasons);
    }

    [Fact]
    public void Check_TreatingSpecialtyNotInTheRoom_IsNamed()
    {
        var presenter = Physician(Discipline.Neurosurgery, from: 30);
        var room = FullBoard(out _).Append(presenter);

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(MocStatus.NotMet, result.Status);
        Assert.Equal([new MocReason(MocReasonKind.TreatingSpecialtyAbsent, Specialty: Discipline.Neurosurgery)], result.Reasons);
    }

    [Fact]
    public void Check_PresenterIsNotAPhysician_LeavesTheTreatingSpecialtyUnknown()
    {
        var room = FullBoard(out _);
        var dataManager = new MocAttendance(Guid.NewGuid(), Roles.DataManager, Discipline.DataManagement, false, Start, null);

        var result = MocResult.Check(MocRules.Default, Discussed, room, dataManager);
        var withoutTreating = MocResult.Check(MocRules.Default with { TreatingSpecialtyRequired = false }, Discussed, room, dataManager);
        var alsoTooFew = MocResult.Check(MocRules.Default, Discussed, room.Take(2), null);

        Assert.Equal(MocStatus.Unknown, result.Status);
        Assert.Equal([new MocReason(MocReasonKind.TreatingSpecialtyUnknown)], result.Reasons);
        Assert.Null(result.TreatingSpecialty);
        Assert.Equal(MocStatus.Met, withoutTreating.Status);
        Assert.Equal(MocStatus.NotMet, alsoTooFew.Status);
    }

    [Fact]
    public void Check_CountsOnlyThosePresentDuringTheDiscussion()
    {
        var presenter = Physician(Discipline.PaediatricOncology);
        var room = new[]
        {
            presenter,
            Physician(Discipline.Surgery, from: 0, to: 9),         // left before the case came up
            Physician(Discipline.Radiotherapy, from: 26),          // joined after it was decided
            Physician(Discipline.Pathology, from: 24, to: 40),     // in for its last minute
            Physician(Discipline.Radiology, from: 0, to: 10),      // left as it started: was there for it
        };

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(3, result.Physicians);
        Assert.Equal([Discipline.Radiology, Discipline.Pathology, Discipline.PaediatricOncology], result.Specialties.OrderBy(d => d == Discipline.PaediatricOncology).ThenBy(d => d));
    }

    [Fact]
    public void Check_AnItemDiscussedTwice_DoesNotCountSomeoneInTheRoomOnlyInBetween()
    {
        MocDiscussion[] twice = [new(Start.AddMinutes(10), Start.AddMinutes(15)), new(Start.AddMinutes(30), Start.AddMinutes(35))];
        var presenter = Physician(Discipline.PaediatricOncology);
        var between = Physician(Discipline.Surgery, from: 17, to: 28);
        var second = Physician(Discipline.Radiotherapy, from: 31);

        var result = MocResult.Check(MocRules.Default, twice, [presenter, between, second], presenter);

        Assert.Equal(2, result.Physicians);
        Assert.DoesNotContain(Discipline.Surgery, result.Specialties);
    }

    [Fact]
    public void Check_DiscussionStillRunning_CountsWhoeverIsInTheRoom()
    {
        MocDiscussion[] open = [new(Start.AddMinutes(10), null)];
        var presenter = Physician(Discipline.PaediatricOncology);
        var late = Physician(Discipline.Surgery, from: 90);

        var result = MocResult.Check(MocRules.Default, open, [presenter, late], presenter);

        Assert.Equal(2, result.Physicians);
    }

    [Fact]
    public void Check_OnlyCliniciansAndCoordinatorsOfMedicalDisciplinesAreCountedAsPhysicians()
    {
        var presenter = Physician(Discipline.PaediatricOncology, role: Roles.Coordinator);
        var room = new[]
        {
            presenter,
            Physician(Discipline.Surgery, role: Roles.DataManager),
            Physician(Discipline.Radiotherapy, role: Roles.Observer),
            Physician(Discipline.Nursing),
            Physician(Discipline.Pathology, role: Roles.Admin),
        };

        var result = MocResult.Check(MocRules.Default, Discussed, room, presenter);

        Assert.Equal(1, result.Physicians);
    }

    [Fact]
    public void Check_SomeoneWhoRejoined_CountsOnce()
    {
        var presenter = Physician(Discipline.PaediatricOncology);
        var surgeon = Physician(Discipline.Surgery, from: 0, to: 12);
        var back = surgeon with { JoinedAtUtc = Start.AddMinutes(13), LeftAtUtc = null };

        var result = MocResult.Check(MocRules.Default, Discussed, [presenter, surgeon, back], presenter);

        Assert.Equal(2, result.Physicians);
    }

    [Fact]
    public void Check_WithoutRecordedDiscussionTimes_IsUndetermined()
    {
        var room = FullBoard(out var presenter);

        var result = MocResult.Check(MocRules.Default, [], room, presenter);

        Assert.Equal(MocStatus.Unknown, result.Status);
        Assert.Equal([new MocReason(MocReasonKind.DiscussionNotRecorded)], result.Reasons);
        Assert.Equal(0, result.Physicians);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(31, 3)]
    [InlineData(4, -1)]
    [InlineData(4, 8)]
    public void Rules_OutOfBounds_AreRefused(int physicians, int specialties) =>
        Assert.Equal("Moc.RulesInvalid", Assert.Throws<DomainException>(() => (MocRules.Default with { MinPhysicians = physicians, MinSpecialties = specialties }).Validate()).Code);

    [Fact]
    public void Rules_RequiringANonMedicalDisciplineOrOneSpecialtyTwice_AreRefused()
    {
        Assert.Equal("Moc.RulesInvalid", Assert.Throws<DomainException>(() => (MocRules.Default with { RequiredSpecialties = [Discipline.Nursing] }).Validate()).Code);
        Assert.Equal("Moc.RulesInvalid", Assert.Throws<DomainException>(() =>
            (MocRules.Default with { RequiredSpecialties = [Discipline.PaediatricHaematology, Discipline.PaediatricOncology] }).Validate()).Code);
    }

    [Fact]
    public void Rules_NameARequiredSpecialtyByItsSpecialty()
    {
        var rules = (MocRules.Default with { RequiredSpecialties = [Discipline.Surgery, Discipline.PaediatricHaematology] }).Validate();

        Assert.Equal([Discipline.PaediatricOncology, Discipline.Surgery], rules.RequiredSpecialties);
        Assert.Equal(7, MocRules.Specialties.Count);
    }

    [Fact]
    public void Meeting_RecordsEachDiscussionOfAnItem_AndFixesTheRulesAtItsStart()
    {
        var meeting = Meeting.Extra(Start, 60, null, BoardLanguage.English, null, Guid.NewGuid());
        var first = meeting.AddCase(1, 10, null);
        var second = meeting.AddCase(2, 10, null);
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(first, 11);
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(second, 12);
        meeting.PublishAgenda(Start.AddDays(-1));
        var rules = MocRules.Default with { MinPhysicians = 5 };

        meeting.Start(Start, rules);
        meeting.MoveTo(12, Start.AddMinutes(10));
        meeting.MoveTo(11, Start.AddMinutes(20));
        meeting.OpenVoting(11, Start.AddMinutes(25));
        meeting.CloseVoting(11, Tally.Compute([], []), Start.AddMinutes(26));
        meeting.RecordRecommendation(11, Recommendation.Create(null, "Standard induction", "Protocol", Consensus.Unanimous, null, null, true, Guid.NewGuid(), Start.AddMinutes(27)), Start.AddMinutes(27));
        meeting.MoveTo(12, Start.AddMinutes(28));

        Assert.Equal(5, meeting.MocRules!.MinPhysicians);
        Assert.Equal([(Start, (DateTime?)Start.AddMinutes(10)), (Start.AddMinutes(20), Start.AddMinutes(27))], first.Discussions.Select(d => (d.StartedAtUtc, d.EndedAtUtc)));
        Assert.Equal([(Start.AddMinutes(10), (DateTime?)Start.AddMinutes(20)), (Start.AddMinutes(28), null)], second.Discussions.Select(d => (d.StartedAtUtc, d.EndedAtUtc)));
    }

    [Fact]
    public void Meeting_StartedWithoutRules_FixesTheDefaults()
    {
        var meeting = Meeting.Extra(Start, 60, null, BoardLanguage.English, null, Guid.NewGuid());
        meeting.AddCase(1, 10, null);
        meeting.PublishAgenda(Start.AddDays(-1));

        meeting.Start(Start);

        Assert.Equal(MocRules.Default.MinPhysicians, meeting.MocRules!.MinPhysicians);
        Assert.True(meeting.MocRules.RizivNumberRequired);
    }
}
