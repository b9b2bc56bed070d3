using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;

namespace TumourBoard.Domain.Tests.LiveBoard;

public sealed class VotingTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 11, 30, 0, DateTimeKind.Utc);

    private static CastVote V(int centre, int? option) => new(Guid.NewGuid(), centre, option);

    [Fact]
    public void Tally_CountsVotesAbstentionsAndCentres_AndFindsTheWinner()
    {
        var tally = Tally.Compute([1, 2, 3], [V(1, 1), V(1, 1), V(2, 2), V(3, null), V(4, 1)]);

        Assert.Equal([new OptionCount(1, 3), new OptionCount(2, 1), new OptionCount(3, 0)], tally.Options);
        Assert.Equal(1, tally.Abstentions);
        Assert.Equal(5, tally.VotesCast);
        Assert.Equal(4, tally.CentresRepresented);
        Assert.Equal(1, tally.WinningOptionId);
        Assert.False(tally.IsTie);
        Assert.Equal(Consensus.Majority, tally.SuggestedConsensus());
    }

    [Fact]
    public void Tally_FromTheDatabasesGroups_IsTheTallyOfTheVotes()
    {
        var fromGroups = Tally.FromGroups([1, 2, 3],
            [new VoteGroup(1, 1, 2), new VoteGroup(2, 2, 1), new VoteGroup(null, 3, 1), new VoteGroup(1, 4, 1), new VoteGroup(2, null, 2)]);

        var fromVotes = Tally.Compute([1, 2, 3], [V(1, 1), V(1, 1), V(2, 2), V(3, null), V(4, 1), new(Guid.NewGuid(), null, 2), new(Guid.NewGuid(), null, 2)]);

        Assert.Equal(fromVotes.Options, fromGroups.Options);
        Assert.Equal((7, 1, 4, (int?)null, true), (fromGroups.VotesCast, fromGroups.Abstentions, fromGroups.CentresRepresented, fromGroups.WinningOptionId, fromGroups.IsTie));
        Assert.Equal((fromVotes.VotesCast, fromVotes.Abstentions, fromVotes.CentresRepresented, fromVotes.WinningOptionId, fromVotes.IsTie),
            (fromGroups.VotesCast, fromGroups.Abstentions, fromGroups.CentresRepresented, fromGroups.WinningOptionId, fromGroups.IsTie));
    }

    [Fact]
    public void Close_WithTie_RecordsNoWinningOption()
    {
        var tally = Tally.Compute([1, 2], [V(1, 1), V(2, 2)]);

        Assert.True(tally.IsTie);
        Assert.Null(tally.WinningOptionId);
        Assert.Equal(Consensus.NoConsensus, tally.SuggestedConsensus());
    }

    [Fact]
    public void Tally_EveryVoterOnOneOption_IsUnanimousDespiteAbstentions() =>
        Assert.Equal(Consensus.Unanimous, Tally.Compute([1, 2], [V(1, 2), V(2, 2), V(3, null)]).SuggestedConsensus());

    [Fact]
    public void Tally_OnlyAbstentions_HasNoWinner()
    {
        var tally = Tally.Compute([1], [V(1, null), V(2, null)]);

        Assert.Null(tally.WinningOptionId);
        Assert.False(tally.IsTie);
    }

    [Fact]
    public void BlindMode_ShowsOnlyTheNumberOfVotesUntilClosed()
    {
        var tally = Tally.Compute([1, 2], [V(1, 1), V(2, 2), V(3, 1)]);

        var whileOpen = tally.VisibleIn(VotingMode.Blind, VotingStatus.Open);

        Assert.Equal(3, whileOpen.VotesCast);
        Assert.Empty(whileOpen.Options);
        Assert.Null(whileOpen.WinningOptionId);
        Assert.Same(tally, tally.VisibleIn(VotingMode.Blind, VotingStatus.Closed));
        Assert.Same(tally, tally.VisibleIn(VotingMode.Open, VotingStatus.Open));
    }

    [Fact]
    public void Quorum_CountsBoardMembersOnly()
    {
        Participant P(string role, int? centre, Discipline d) => new(Guid.NewGuid(), role, centre, d);
        var present = new[]
        {
            P(Roles.Clinician, 1, Discipline.PaediatricOncology),
            P(Roles.Clinician, 2, Discipline.PaediatricHaematology),
            P(Roles.Coordinator, null, Discipline.PaediatricOncology),
            P(Roles.DataManager, 3, Discipline.DataManagement),
            P(Roles.Observer, 4, Discipline.Nursing),
        };

        var state = QuorumState.Of(new QuorumRules(3, 3, 3), present);

        Assert.Equal(3, state.Centres);
        Assert.Equal(3, state.Physicians);
        Assert.Equal(3, state.Disciplines);
        Assert.True(state.IsMet);
        Assert.False(QuorumState.Of(new QuorumRules(4, 3, 3), present).IsMet);
    }

    private static (Meeting Meeting, AgendaItem First, AgendaItem Second) StartedMeeting()
    {
        var meeting = Meeting.Extra(Now, 60, null, BoardLanguage.English, null, Guid.NewGuid());
        var first = meeting.AddCase(1, 10, null);
        var second = meeting.AddCase(2, 10, null);
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(first, 11);
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(second, 12);
        meeting.PublishAgenda(Now.AddDays(-1));
        meeting.Start(Now);
        return (meeting, first, second);
    }

    [Fact]
    public void Start_MakesTheFirstCaseCurrent_AndItsTimerRuns()
    {
        var (meeting, first, _) = StartedMeeting();

        Assert.Equal(MeetingStatus.InProgress, meeting.Status);
        Assert.Equal(first.Id, meeting.CurrentItemId);
        Assert.Equal(AgendaItemStatus.Current, first.Status);
        Assert.Equal(90, first.SecondsUsed(Now.AddSeconds(90)));
    }

    [Fact]
    public void MoveTo_AnotherItem_KeepsTheTimeUsedOnTheFirst()
    {
        var (meeting, first, second) = StartedMeeting();

        meeting.MoveTo(second.Id, Now.AddMinutes(3));
        meeting.MoveTo(first.Id, Now.AddMinutes(5));

        Assert.Equal(120, second.SecondsUsed(Now.AddMinutes(10)));
        Assert.Equal(180 + 60, first.SecondsUsed(Now.AddMinutes(6)));
    }

    [Fact]
    public void OpenVoting_OnAnItemThatIsNotCurrent_IsRefused()
    {
        var (meeting, _, second) = StartedMeeting();

        Assert.Equal("Voting.NotCurrent", Assert.Throws<DomainException>(() => meeting.OpenVoting(second.Id, Now)).Code);
    }

    [Fact]
    public void MoveOn_WhileVotingIsOpen_IsRefused()
    {
        var (meeting, first, second) = StartedMeeting();
        meeting.OpenVoting(first.Id, Now);

        Assert.Equal("Voting.StillOpen", Assert.Throws<DomainException>(() => meeting.MoveTo(second.Id, Now)).Code);
        Assert.Equal("Voting.StillOpen", Assert.Throws<DomainException>(() => meeting.Close(Now, "Not reached")).Code);
    }

    [Fact]
    public void Recommendation_AfterTheVote_MakesTheItemDiscussed()
    {
        var (meeting, first, _) = StartedMeeting();
        meeting.OpenVoting(first.Id, Now);
        Assert.Equal("Recommendation.VoteNotClosed", Assert.Throws<DomainException>(() =>
            meeting.RecordRecommendation(first.Id, Recommendation.Create(1, null, "Best evidence", Consensus.Majority, null, null, true, Guid.NewGuid(), Now), Now)).Code);
        meeting.CloseVoting(first.Id, Tally.Compute([1, 2], [V(1, 1), V(2, 1), V(3, 2)]), Now);

        meeting.RecordRecommendation(first.Id, Recommendation.Create(1, null, "Best evidence", Consensus.Majority, "One centre prefers option 2", null, true, Guid.NewGuid(), Now), Now);

        Assert.Equal(AgendaItemStatus.Discussed, first.Status);
        Assert.Equal(3, first.VotesCast);
        Assert.Equal(1, first.WinningOptionId);
        Assert.Equal(Consensus.Majority, first.Recommendation!.Consensus);
    }

    [Fact]
    public void Recommendation_WithoutOptionOrTextOrRationale_IsRefused()
    {
        var refused = Assert.Throws<CaseValidationException>(() => Recommendation.Create(null, " ", "", Consensus.Majority, null, null, true, Guid.NewGuid(), Now));

        Assert.Equal(["optionId", "rationale"], refused.Errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Close_DefersTheCasesNotReached()
    {
        var (meeting, first, second) = StartedMeeting();

        var notReached = meeting.Close(Now.AddHours(1), "Not reached");

        Assert.Equal([first, second], notReached);
        Assert.All(notReached, i => Assert.Equal(AgendaItemStatus.Deferred, i.Status));
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Null(meeting.CurrentItemId);
    }

    [Fact]
    public void Start_BeforePublication_IsRefused()
    {
        var meeting = Meeting.Extra(Now, 60, null, BoardLanguage.English, null, Guid.NewGuid());

        Assert.Equal("Meeting.NotPublished", Assert.Throws<DomainException>(() => meeting.Start(Now)).Code);
    }
}
