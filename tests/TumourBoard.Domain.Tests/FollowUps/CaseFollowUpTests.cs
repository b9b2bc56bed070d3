using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.FollowUps;

namespace TumourBoard.Domain.Tests.FollowUps;

public sealed class CaseFollowUpTests
{
    private static readonly DateOnly Discussed = new(2026, 3, 10);
    private static readonly DateTime DiscussedAt = new(2026, 3, 10, 12, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2027, 6, 1);
    private static readonly Guid Reporter = Guid.NewGuid();

    private static CaseFollowUp FollowUp(string? trial = null) => CaseFollowUp.Start(7, 1, 11, Discussed, trial, DiscussedAt);

    private static ImplementationReport Implemented => new(ImplementationOutcome.Implemented, null, null);

    private static ResponseReport At(Milestone milestone, TreatmentResponse response, DateOnly? on = null) =>
        new(milestone, response, on ?? FollowUpSchedule.DatesOf(milestone, Discussed).DueOn);

    private static IReadOnlyList<FollowUpEntry> Record(CaseFollowUp followUp, FollowUpReport report, DateTime? at = null) =>
        followUp.Record(report, Reporter, at ?? DiscussedAt.AddDays(20), Today);

    private static IReadOnlyList<FieldError> Refused(CaseFollowUp followUp, FollowUpReport report)
    {
        var before = followUp.Entries.Count;
        var refusal = Assert.Throws<CaseValidationException>(() => Record(followUp, report));
        Assert.Equal(before, followUp.Entries.Count);
        return refusal.Errors;
    }

    [Fact]
    public void FirstReport_AddsAnEntry_AndTheSameReportAgainAddsNothing()
    {
        var followUp = FollowUp();

        var first = Record(followUp, new FollowUpReport { Implementation = Implemented });
        var again = Record(followUp, new FollowUpReport { Implementation = Implemented with { Detail = "  " } });

        var entry = Assert.Single(first);
        Assert.Equal((Milestone.Implementation, FollowUpEntryKind.Reported, 1), (entry.Milestone, entry.Kind, entry.Sequence));
        Assert.Empty(again);
        Assert.Equal(ImplementationOutcome.Implemented, followUp.Current(Milestone.Implementation)?.Outcome);
    }

    [Fact]
    public void Correction_NeedsAReason_AndKeepsThePreviousValueInTheHistory()
    {
        var followUp = FollowUp();
        Record(followUp, new FollowUpReport { Implementation = Implemented });
        var corrected = new ImplementationReport(ImplementationOutcome.NotImplemented, NotImplementedReason.PatientOrFamilyChoice, "The family chose treatment closer to home.");

        var errors = Refused(followUp, new FollowUpReport { Implementation = corrected });
        Record(followUp, new FollowUpReport { Implementation = corrected, CorrectionReason = "Reported for the wrong case." });

        Assert.Equal([new FieldError("correctionReason", "FollowUp.CorrectionReasonRequired")], errors);
        Assert.Equal([FollowUpEntryKind.Reported, FollowUpEntryKind.Corrected], followUp.Entries.Select(e => e.Kind));
        Assert.Equal(ImplementationOutcome.Implemented, followUp.Entries[0].Outcome);
        Assert.Equal("Reported for the wrong case.", followUp.Entries[1].CorrectionReason);
        Assert.Equal(corrected, followUp.Current(Milestone.Implementation)?.Implementation);
    }

    [Theory]
    [InlineData(ImplementationOutcome.NotImplemented, null, null, "implementation.reason", "FollowUp.ReasonRequired")]
    [InlineData(ImplementationOutcome.Implemented, NotImplementedReason.ClinicalChange, null, "implementation.reason", "FollowUp.ReasonOnlyWhenNotImplemented")]
    [InlineData(ImplementationOutcome.NotImplemented, NotImplementedReason.Other, " ", "implementation.detail", "FollowUp.DetailRequired")]
    [InlineData(ImplementationOutcome.EnrolledInTrial, null, null, "implementation.outcome", "FollowUp.NoTrialReferred")]
    [InlineData((ImplementationOutcome)42, null, null, "implementation.outcome", "Case.ChoiceInvalid")]
    [InlineData(ImplementationOutcome.Implemented, null, "Dose\u0000reduced", "implementation.detail", "Case.InvalidCharacters")]
    public void Implementation_ThatBreaksARule_IsRefusedWithTheField(ImplementationOutcome outcome, NotImplementedReason? reason, string? detail, string field, string code) =>
        Assert.Contains(new FieldError(field, code), Refused(FollowUp(), new FollowUpReport { Implementation = new(outcome, reason, detail) }));

    [Fact]
    public void Detail_OverItsLimit_IsRefused() =>
        Assert.Contains(new FieldError("implementation.detail", "FollowUp.DetailTooLong"),
            Refused(FollowUp(), new FollowUpReport { Implementation = Implemented with { Detail = new string('a', CaseFollowUp.MaxDetailLength + 1) } }));

    [Fact]
    public void Enrolment_InTheReferredTrial_IsAccepted_WhenTheRecommendationReferredOne()
    {
        var followUp = FollowUp("NCT04567890");

        Record(followUp, new FollowUpReport { Implementation = new(ImplementationOutcome.EnrolledInTrial, null, null) });

        Assert.Equal(ImplementationOutcome.EnrolledInTrial, followUp.Current(Milestone.Implementation)?.Outcome);
    }

    [Fact]
    public void IdentifyingData_InTheDetail_RefusesTheWholeReport()
    {
        var followUp = FollowUp();

        Assert.Throws<IdentifyingDataException>(() => Record(followUp, new FollowUpReport
        {
            Implementation = new(ImplementationOutcome.NotImplemented, NotImplementedReason.Other, "Mother called from 0475 12 34 56 to refuse"),
            Responses = [At(Milestone.Response3Months, TreatmentResponse.StableDisease)],
        }));

        Assert.Empty(followUp.Entries);
    }

    [Theory]
    [InlineData(-1, TreatmentResponse.Deceased, "FollowUp.AssessedBeforeDiscussion")]
    [InlineData(30, TreatmentResponse.PartialResponse, "FollowUp.AssessedTooEarly")]
    public void Response_DatedBeforeTheDiscussionOrItsWindow_IsRefused(int daysAfterDiscussion, TreatmentResponse response, string code) =>
        Assert.Equal([new FieldError("responses[0].assessedOn", code)],
            Refused(FollowUp(), new FollowUpReport { Responses = [new ResponseReport(Milestone.Response3Months, response, Discussed.AddDays(daysAfterDiscussion))] }));

    [Fact]
    public void Response_DatedInTheFuture_IsRefused() =>
        Assert.Equal([new FieldError("responses[0].assessedOn", "FollowUp.AssessedInFuture")],
            Refused(FollowUp(), new FollowUpReport { Responses = [At(Milestone.Response3Months, TreatmentResponse.StableDisease, Today.AddDays(1))] }));

    [Fact]
    public void Death_IsReportedWheneverItHappened_AndNoLaterResponseIsAccepted()
    {
        var followUp = FollowUp();
        Record(followUp, new FollowUpReport { Responses = [At(Milestone.Response3Months, TreatmentResponse.Deceased, Discussed.AddDays(20))] });

        var errors = Refused(followUp, new FollowUpReport { Responses = [At(Milestone.Response6Months, TreatmentResponse.ProgressiveDisease)] });

        Assert.Equal([new FieldError("responses[0].response", "FollowUp.ResponseAfterDeath")], errors);
        Assert.Equal(new RecordedDeath(Milestone.Response3Months, Discussed.AddDays(20)), followUp.Facts().Death);
    }

    [Fact]
    public void Death_AtAMilestoneBeforeOneAlreadyReported_IsRefused_UntilTheLaterOneIsWithdrawn()
    {
        var followUp = FollowUp();
        Record(followUp, new FollowUpReport { Responses = [At(Milestone.Response6Months, TreatmentResponse.StableDisease)] });
        var death = At(Milestone.Response3Months, TreatmentResponse.Deceased, Discussed.AddDays(60));

        var errors = Refused(followUp, new FollowUpReport { Responses = [death] });
        var added = Record(followUp, new FollowUpReport { Responses = [death], Withdrawals = [Milestone.Response6Months], CorrectionReason = "The 6-month response belonged to another patient." });

        Assert.Equal([new FieldError("responses[0].response", "FollowUp.LaterResponseRecorded")], errors);
        Assert.Equal([(Milestone.Response3Months, FollowUpEntryKind.Reported), (Milestone.Response6Months, FollowUpEntryKind.Withdrawn)], added.Select(e => (e.Milestone, e.Kind)));
        Assert.Null(followUp.Current(Milestone.Response6Months));
        Assert.Equal(3, followUp.Entries.Count);
    }

    [Fact]
    public void Responses_DatedOutOfMilestoneOrder_AreRefused()
    {
        var followUp = FollowUp();
        // The 3-month assessment was late, into the 6-month window; the 6-month one cannot be earlier than it.
        var sixMonthsOpens = FollowUpSchedule.DatesOf(Milestone.Response6Months, Discussed).OpensOn;
        Record(followUp, new FollowUpReport { Responses = [At(Milestone.Response3Months, TreatmentResponse.PartialResponse, sixMonthsOpens.AddDays(10))] });

        var errors = Refused(followUp, new FollowUpReport { Responses = [At(Milestone.Response6Months, TreatmentResponse.PartialResponse, sixMonthsOpens.AddDays(5))] });

        Assert.Equal([new FieldError("responses[0].assessedOn", "FollowUp.AssessmentOutOfOrder")], errors);
    }

    [Fact]
    public void Report_WithOneBadPart_StoresNoPart()
    {
        var followUp = FollowUp();

        var errors = Refused(followUp, new FollowUpReport
        {
            Implementation = Implemented,
            Responses = [At(Milestone.Response3Months, TreatmentResponse.CompleteResponse), At(Milestone.Response6Months, TreatmentResponse.CompleteResponse, Today.AddDays(3))],
        });

        Assert.Equal([new FieldError("responses[1].assessedOn", "FollowUp.AssessedInFuture")], errors);
        Assert.Null(followUp.Current(Milestone.Implementation));
    }

    [Fact]
    public void SameMilestoneTwice_OrTheImplementationAsAResponse_IsRefused()
    {
        var errors = Refused(FollowUp(), new FollowUpReport
        {
            Responses = [At(Milestone.Response3Months, TreatmentResponse.StableDisease), At(Milestone.Response3Months, TreatmentResponse.StableDisease), new ResponseReport(Milestone.Implementation, TreatmentResponse.StableDisease, Discussed)],
        });

        Assert.Equal([new FieldError("responses[1].milestone", "FollowUp.MilestoneTwice"), new FieldError("responses[2].milestone", "FollowUp.MilestoneInvalid")], errors);
    }

    [Fact]
    public void Withdrawal_OfNothing_IsRefused_AndOfAValue_NeedsAReason()
    {
        var followUp = FollowUp();

        Assert.Equal([new FieldError("withdrawals[0]", "FollowUp.NothingToWithdraw")], Refused(followUp, new FollowUpReport { Withdrawals = [Milestone.Implementation] }));
        Record(followUp, new FollowUpReport { Implementation = Implemented });
        Assert.Equal([new FieldError("correctionReason", "FollowUp.CorrectionReasonRequired")], Refused(followUp, new FollowUpReport { Withdrawals = [Milestone.Implementation] }));
    }

    [Fact]
    public void Current_AsOfAnEarlierTime_IsWhatWasInForceThen()
    {
        var followUp = FollowUp();
        Record(followUp, new FollowUpReport { Implementation = Implemented }, DiscussedAt.AddDays(10));
        Record(followUp, new FollowUpReport { Withdrawals = [Milestone.Implementation], CorrectionReason = "Not started after all." }, DiscussedAt.AddDays(30));

        Assert.Null(followUp.Current(Milestone.Implementation, DiscussedAt.AddDays(9)));
        Assert.NotNull(followUp.Current(Milestone.Implementation, DiscussedAt.AddDays(29)));
        Assert.Null(followUp.Current(Milestone.Implementation));
        Assert.Contains(Milestone.Implementation, followUp.Facts(DiscussedAt.AddDays(29)).Reported);
    }

    [Fact]
    public void FollowUp_IsComplete_OnceTheImplementationAndADeathAreReported()
    {
        var followUp = FollowUp();

        Record(followUp, new FollowUpReport { Responses = [At(Milestone.Response3Months, TreatmentResponse.Deceased, Discussed.AddDays(40))] });
        Assert.False(followUp.IsComplete);
        Record(followUp, new FollowUpReport { Implementation = new(ImplementationOutcome.NotImplemented, NotImplementedReason.ClinicalChange, null) });

        Assert.True(followUp.IsComplete);
    }

    [Fact]
    public void Report_OfNothing_IsRefused() =>
        Assert.Equal("FollowUp.ReportRequired", Assert.Throws<DomainException>(() => Record(FollowUp(), new FollowUpReport { CorrectionReason = "Nothing" })).Code);
}
