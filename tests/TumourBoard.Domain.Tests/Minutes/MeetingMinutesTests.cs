using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Minutes;

namespace TumourBoard.Domain.Tests.Minutes;

public sealed class MeetingMinutesTests
{
    private static readonly DateTime Closed = new(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Coordinator = Guid.NewGuid();

    private static MeetingMinutes Drafted() => MeetingMinutes.Draft(7, [11, 12], Closed);

    [Fact]
    public void Draft_HasAnEmptyNarrativePerDiscussedItem_AndPreparesVersionOne()
    {
        var minutes = Drafted();

        Assert.Equal(MinutesStatus.Draft, minutes.Status);
        Assert.Equal([11, 12], minutes.Cases.Select(c => c.AgendaItemId));
        Assert.All(minutes.Cases, c => Assert.Null(c.Summary));
        Assert.Equal(1, minutes.VersionNumber);
        Assert.True(minutes.IsEditable);
    }

    [Fact]
    public void EditCase_TrimsAndReplacesTheNarrativeOfThatCaseOnly()
    {
        var minutes = Drafted();

        minutes.EditCase(12, "  Discussed at length.  ", [new FollowUpAction(" Send the form ", " ", new DateOnly(2027, 1, 15))], Closed.AddHours(1));

        var edited = minutes.Narrative(12);
        Assert.Equal("Discussed at length.", edited.Summary);
        Assert.Equal(new FollowUpAction("Send the form", null, new DateOnly(2027, 1, 15)), Assert.Single(edited.FollowUps));
        Assert.Null(minutes.Narrative(11).Summary);
        Assert.Equal(Closed.AddHours(1), minutes.UpdatedAtUtc);
    }

    [Fact]
    public void EditCase_OfAnItemNotDiscussed_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Drafted().EditCase(99, "x", [], Closed));

        Assert.Equal("Minutes.ItemNotDiscussed", error.Code);
    }

    [Fact]
    public void EditCase_WithTooLongTextsOrAnEmptyAction_ListsEachProblemAndChangesNothing()
    {
        var minutes = Drafted();
        FollowUpAction[] followUps = [new(" ", null, null), new(new string('a', FollowUpAction.MaxActionLength + 1), new string('b', FollowUpAction.MaxOwnerLength + 1), null)];

        var error = Assert.Throws<CaseValidationException>(() => minutes.EditCase(11, new string('s', MeetingMinutes.MaxSummaryLength + 1), followUps, Closed));

        Assert.Equal(
            ["summary:Minutes.SummaryTooLong", "followUps[0]:Minutes.FollowUpActionRequired", "followUps[1]:Minutes.FollowUpActionTooLong", "followUps[1]:Minutes.FollowUpOwnerTooLong"],
            error.Errors.Select(e => $"{e.Field}:{e.Code}"));
        Assert.Null(minutes.Narrative(11).Summary);
    }

    [Fact]
    public void EditCase_WithMoreThanTwentyFollowUps_IsRefused()
    {
        var followUps = Enumerable.Range(0, MeetingMinutes.MaxFollowUps + 1).Select(i => new FollowUpAction($"Action {i}", null, null)).ToList();

        var error = Assert.Throws<CaseValidationException>(() => Drafted().EditCase(11, null, followUps, Closed));

        Assert.Contains(error.Errors, e => e.Code == "Minutes.TooManyFollowUps");
    }

    [Fact]
    public void EditCase_WithIdentifyingDataInTheSummaryOrAFollowUp_IsRefusedAndChangesNothing()
    {
        var minutes = Drafted();

        var error = Assert.Throws<IdentifyingDataException>(() =>
            minutes.EditCase(11, "Reviewed.", [new FollowUpAction("Call the mother on 0475 12 34 56", null, null)], Closed));

        Assert.Contains(error.Findings, f => f.Field == "followUps[0].action");
        Assert.Null(minutes.Narrative(11).Summary);
    }

    [Fact]
    public void Finalise_FreezesTheMinutesAsVersionOne_WithItsPdfAndHash()
    {
        var minutes = Drafted();

        var version = minutes.Finalise(Coordinator, Closed.AddDays(1), [1, 2, 3], "abc");

        Assert.Equal(1, version.Number);
        Assert.Null(version.CorrectionReason);
        Assert.Equal(MinutesStatus.Finalised, minutes.Status);
        Assert.Equal(1, minutes.LatestVersion);
        Assert.Equal(1, minutes.VersionNumber);
        Assert.False(minutes.IsEditable);
        Assert.Equal("Minutes.Finalised", Assert.Throws<DomainException>(() => minutes.EditCase(11, "late", [], Closed.AddDays(2))).Code);
        Assert.Equal("Minutes.Finalised", Assert.Throws<DomainException>(() => minutes.Finalise(Coordinator, Closed.AddDays(2), [4], "def")).Code);
    }

    [Fact]
    public void Correction_NeedsAReason_AndTheNextFinalisationIsVersionTwoCarryingIt()
    {
        var minutes = Drafted();
        minutes.Finalise(Coordinator, Closed.AddDays(1), [1], "one");

        Assert.Equal("Minutes.ReasonRequired", Assert.Throws<CaseValidationException>(() => minutes.StartCorrection("  ", Closed.AddDays(2))).Errors.Single().Code);
        minutes.StartCorrection("Wrong follow-up owner", Closed.AddDays(2));
        Assert.Equal(MinutesStatus.Correcting, minutes.Status);
        Assert.Equal(2, minutes.VersionNumber);
        minutes.EditCase(11, "Corrected.", [], Closed.AddDays(2));
        var second = minutes.Finalise(Coordinator, Closed.AddDays(3), [2], "two");

        Assert.Equal(2, second.Number);
        Assert.Equal("Wrong follow-up owner", second.CorrectionReason);
        Assert.Null(minutes.CorrectionReason);
        Assert.Equal([1, 2], minutes.Versions.Select(v => v.Number));
    }

    [Fact]
    public void Correction_OfADraft_IsRefused()
    {
        Assert.Equal("Minutes.NotFinalised", Assert.Throws<DomainException>(() => Drafted().StartCorrection("reason", Closed)).Code);
    }
}
