using TumourBoard.Domain.People;

namespace TumourBoard.Domain.Tests.People;

public sealed class AccessTests
{
    private static Actor As(string role, int? centre = 1) => new(Guid.NewGuid(), role, centre, Discipline.PaediatricOncology);

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Coordinator, false)]
    [InlineData(Roles.DataManager, false)]
    [InlineData(Roles.Clinician, false)]
    [InlineData(Roles.Observer, false)]
    public void ManageCentresAndUsers_OnlyAdmins(string role, bool allowed) =>
        Assert.Equal(allowed, Access.CanManageCentresAndUsers(As(role)));

    [Theory]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.DataManager, true)]
    [InlineData(Roles.Clinician, true)]
    [InlineData(Roles.Observer, true)]
    public void SeeMeetings_BoardMembersAndObservers(string role, bool allowed) =>
        Assert.Equal(allowed, Access.CanSeeMeetings(As(role)));

    [Theory]
    [InlineData(Roles.Admin, false, false)]
    [InlineData(Roles.Coordinator, true, true)]
    [InlineData(Roles.DataManager, true, false)]
    [InlineData(Roles.Clinician, true, false)]
    [InlineData(Roles.Observer, true, false)]
    public void Trials_ReadByTheBoardAndObservers_KeptByCoordinators(string role, bool read, bool manage)
    {
        Assert.Equal(read, Access.CanSeeTrials(As(role)));
        Assert.Equal(manage, Access.CanManageTrials(As(role)));
    }

    [Theory]
    [InlineData(Roles.Clinician, true)]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.DataManager, false)]
    [InlineData(Roles.Observer, false)]
    [InlineData(Roles.Admin, false)]
    public void Vote_OnlyCliniciansAndCoordinators(string role, bool allowed) =>
        Assert.Equal(allowed, As(role).CanVote);

    [Theory]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.DataManager, false)]
    [InlineData(Roles.Clinician, false)]
    [InlineData(Roles.Observer, false)]
    public void ManageMocRules_OnlyCoordinators(string role, bool allowed) =>
        Assert.Equal(allowed, Access.CanManageMocRules(As(role)));

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Coordinator, false)]
    [InlineData(Roles.DataManager, false)]
    [InlineData(Roles.Clinician, false)]
    [InlineData(Roles.Observer, false)]
    public void ManageRizivNumber_OfSomeoneElse_OnlyAdmins_OfOneself_Everyone(string role, bool allowed)
    {
        var actor = As(role);

        Assert.Equal(allowed, Access.CanManageRizivNumber(actor, Guid.NewGuid()));
        Assert.True(Access.CanManageRizivNumber(actor, actor.UserId));
    }

    [Fact]
    public void Demand_WhenNotAllowed_ThrowsAccessDenied() =>
        Assert.Throws<AccessDeniedException>(() => Access.Demand(false));

    [Theory]
    [InlineData(Discipline.PaediatricOncology, true)]
    [InlineData(Discipline.Radiology, true)]
    [InlineData(Discipline.Nursing, false)]
    [InlineData(Discipline.DataManagement, false)]
    public void Discipline_IsMedicalForPhysiciansOnly(Discipline discipline, bool medical) =>
        Assert.Equal(medical, discipline.IsMedical());

    [Theory]
    [InlineData(Roles.Clinician, 1, true)]
    [InlineData(Roles.DataManager, 1, true)]
    [InlineData(Roles.Clinician, 2, false)]
    [InlineData(Roles.DataManager, 2, false)]
    [InlineData(Roles.Observer, 1, false)]
    [InlineData(Roles.Coordinator, null, false)]
    [InlineData(Roles.Admin, null, false)]
    public void ReportFollowUp_OnlyTheSubmittingCentresCliniciansAndDataManagers(string role, int? centre, bool allowed) =>
        Assert.Equal(allowed, Access.CanReportFollowUp(As(role, centre), caseCentreId: 1));

    [Theory]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.DataManager, true)]
    [InlineData(Roles.Clinician, true)]
    [InlineData(Roles.Observer, true)]
    public void SeeFollowUps_BoardMembersAndObservers(string role, bool allowed) =>
        Assert.Equal(allowed, Access.CanSeeFollowUps(As(role)));
}
