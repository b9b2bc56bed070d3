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

/// <summary>How many votes went to one option (null: abstained) from one centre (null: a national member).</summary>
public sealed record VoteGroup(int? OptionId, int? CentreId, int Votes);

public sealed record OptionCount(int OptionId, int Votes);

/// <summary>The result of a vote: votes per option, abstentions, centres among the voters, and the winner or a tie.</summary>
public sealed record Tally(IReadOnlyList<OptionCount> Options, int Abstentions, int VotesCast, int CentresRepresented, int? WinningOptionId, bool IsTie)
{
    public static Tally Compute(IEnumerable<int> optionIds, IReadOnlyCollection<CastVote> votes) =>
        FromGroups(optionIds, votes.GroupBy(v => (v.OptionId, v.CentreId)).Select(g => new VoteGroup(g.Key.OptionId, g.Key.CentreId, g.Count())).ToList());

    /// <summary>The tally from the votes counted per option (null: abstention) and centre, as the database groups them.</summary>
    public static Tally FromGroups(IEnumerable<int> optionIds, IReadOnlyCollection<VoteGroup> groups)
    {
        var counts = optionIds.Select(id => new OptionCount(id, groups.Where(g => g.OptionId == id).Sum(g => g.Votes))).ToList();
        var abstentions = groups.Where(g => g.OptionId is null).Sum(g => g.Votes);
        var centres = groups.Where(g => g.CentreId is not null && g.Votes > 0).Select(g => g.CentreId).Distinct().Count();
        var top = counts.Count == 0 ? 0 : counts.Max(c => c.Votes);
        var leaders = counts.Where(c => c.Votes == top && top > 0).ToList();
        return new Tally(counts, abstentions, groups.Sum(g => g.Votes), centres, leaders.Count == 1 ? leaders[0].OptionId : null, leaders.Count > 1);
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
