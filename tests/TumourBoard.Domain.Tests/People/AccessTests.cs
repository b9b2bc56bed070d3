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
}
