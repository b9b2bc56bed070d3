namespace TumourBoard.Domain.LiveBoard;

public enum VotingMode
{
    /// <summary>Tallies are visible live to everyone.</summary>
    Open,

    /// <summary>Only the number of votes cast is visible until the vote closes, so nobody follows the first voters.</summary>
    Blind,
}

public enum VotingStatus
{
    NotOpened,
    Open,
    Closed,
}

public enum Consensus
{
    Unanimous,
    Majority,
    NoConsensus,
}

/// <summary>One member's vote as counted: an option, or an abstention (no option).</summary>
public sealed record CastVote(Guid VoterId, int? CentreId, int? OptionId);

public sealed record OptionCount(int OptionId, int Votes);

/// <summary>The result of a vote: votes per option, abstentions, centres among the voters, and the winner or a tie.</summary>
public sealed record Tally(IReadOnlyList<OptionCount> Options, int Abstentions, int VotesCast, int CentresRepresented, int? WinningOptionId, bool IsTie)
{
    public static Tally Compute(IEnumerable<int> optionIds, IReadOnlyCollection<CastVote> votes)
    {
        var counts = optionIds.Select(id => new OptionCount(id, votes.Count(v => v.OptionId == id))).ToList();
        var abstentions = votes.Count(v => v.OptionId is null);
        var centres = votes.Where(v => v.CentreId is not null).Select(v => v.CentreId).Distinct().Count();
        var top = counts.Count == 0 ? 0 : counts.Max(c => c.Votes);
        var leaders = counts.Where(c => c.Votes == top && top > 0).ToList();
        return new Tally(counts, abstentions, votes.Count, centres, leaders.Count == 1 ? leaders[0].OptionId : null, leaders.Count > 1);
    }

    /// <summary>What a voter may see: in blind mode, only how many voted.</summary>
    public Tally VisibleIn(VotingMode mode, VotingStatus status) =>
        mode == VotingMode.Blind && status != VotingStatus.Closed
            ? new Tally([], 0, VotesCast, 0, null, false)
            : this;

    /// <summary>The consensus the votes show: everyone who chose an option chose the same one, most did, or neither.</summary>
    public Consensus SuggestedConsensus()
    {
        var chosen = VotesCast - Abstentions;
        if (WinningOptionId is null || chosen == 0)
            return Consensus.NoConsensus;
        var winner = Options.Single(o => o.OptionId == WinningOptionId).Votes;
        return winner == chosen ? Consensus.Unanimous : winner * 2 > chosen ? Consensus.Majority : Consensus.NoConsensus;
    }
}
