using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.People;

namespace TumourBoard.Domain.Moc;

public enum MocStatus
{
    /// <summary>Every condition the application checks is met.</summary>
    Met,

    /// <summary>At least one condition the application checks is not met.</summary>
    NotMet,

    /// <summary>Nothing checked failed, but something the check needs is not known (the treating specialty, the discussion times).</summary>
    Unknown,
}

public enum MocReasonKind
{
    /// <summary>No discussion time was recorded for the item, so nobody's presence for it can be told.</summary>
    DiscussionNotRecorded,
    TooFewPhysicians,
    TooFewSpecialties,
    SpecialtyAbsent,
    TreatingSpecialtyAbsent,

    /// <summary>The presenter is not a physician (or there is none), so the treating specialty is not known.</summary>
    TreatingSpecialtyUnknown,
}

/// <summary>Why a consultation does not meet the rules: e.g. 3 physicians counted, 4 required; radiotherapy not represented.</summary>
public sealed record MocReason(MocReasonKind Kind, int Present = 0, int Required = 0, Discipline? Specialty = null)
{
    public bool IsUnknown => Kind is MocReasonKind.DiscussionNotRecorded or MocReasonKind.TreatingSpecialtyUnknown;
}

/// <summary>A time the item was under discussion; open while it is the current item.</summary>
public sealed record MocDiscussion(DateTime StartedAtUtc, DateTime? EndedAtUtc);

/// <summary>One stay of someone in the meeting room, as the attendance record has it.</summary>
public sealed record MocAttendance(Guid UserId, string Role, Discipline Discipline, bool HoldsRizivNumber, DateTime JoinedAtUtc, DateTime? LeftAtUtc);

/// <summary>
/// The MOC check of one discussed item. Only counts and specialties: who the physicians are is not part of the result.
/// </summary>
public sealed record MocResult(
    MocStatus Status,
    int Physicians,
    IReadOnlyList<Discipline> Specialties,
    int PhysiciansWithoutRizivNumber,
    Discipline? TreatingSpecialty,
    IReadOnlyList<MocReason> Reasons,
    MocRules Rules)
{
    /// <summary>
    /// Checks an item against the rules. A physician (a clinician or coordinator of a medical discipline) counts when
    /// present at any time of the item's discussion; without a RIZIV/INAMI number, only when the rules allow it.
    /// The treating specialty is the presenter's, when the presenter is a physician.
    /// </summary>
    public static MocResult Check(MocRules rules, IReadOnlyCollection<MocDiscussion> discussions, IEnumerable<MocAttendance> attendance, MocAttendance? presenter)
    {
        var treating = presenter is not null && IsPhysician(presenter) ? MocRules.SpecialtyOf(presenter.Discipline) : (Discipline?)null;
        var present = attendance
            .Where(a => IsPhysician(a) && discussions.Any(d => Overlaps(a, d)))
            .GroupBy(a => a.UserId)
            // A person's discipline and number are the same in each of their stays; the first is taken.
            .Select(g => g.First())
            .ToList();
        var counted = present.Where(a => a.HoldsRizivNumber || !rules.RizivNumberRequired).ToList();
        var specialties = counted.Select(a => MocRules.SpecialtyOf(a.Discipline)).Distinct().Order().ToList();

        // Without the times of the discussion nobody's presence for it can be told: counting no one would be a false "not met".
        if (discussions.Count == 0)
            return new MocResult(MocStatus.Unknown, 0, [], 0, treating, [new MocReason(MocReasonKind.DiscussionNotRecorded)], rules);
        var reasons = new List<MocReason>();
        if (counted.Count < rules.MinPhysicians)
            reasons.Add(new MocReason(MocReasonKind.TooFewPhysicians, counted.Count, rules.MinPhysicians));
        if (specialties.Count < rules.MinSpecialties)
            reasons.Add(new MocReason(MocReasonKind.TooFewSpecialties, specialties.Count, rules.MinSpecialties));
        foreach (var required in rules.RequiredSpecialties.Select(MocRules.SpecialtyOf).Distinct().Where(r => !specialties.Contains(r)))
            reasons.Add(new MocReason(MocReasonKind.SpecialtyAbsent, Specialty: required));
        if (rules.TreatingSpecialtyRequired)
        {
            if (treating is null)
                reasons.Add(new MocReason(MocReasonKind.TreatingSpecialtyUnknown));
            // A treating specialty that the rules require anyway is already named as absent above.
            else if (!specialties.Contains(treating.Value) && !rules.RequiredSpecialties.Contains(treating.Value))
                reasons.Add(new MocReason(MocReasonKind.TreatingSpecialtyAbsent, Specialty: treating));
        }

        var status = reasons.Any(r => !r.IsUnknown) ? MocStatus.NotMet : reasons.Count > 0 ? MocStatus.Unknown : MocStatus.Met;
        return new MocResult(status, counted.Count, specialties, present.Count - counted.Count, treating, reasons, rules);
    }

    private static bool IsPhysician(MocAttendance a) => new Participant(a.UserId, a.Role, null, a.Discipline).IsPhysician;

    // Both ends included: someone who joined as the discussion ended was there for it. An open end lasts until now.
    private static bool Overlaps(MocAttendance a, MocDiscussion d) =>
        a.JoinedAtUtc <= (d.EndedAtUtc ?? DateTime.MaxValue) && (a.LeftAtUtc ?? DateTime.MaxValue) >= d.StartedAtUtc;
}
