namespace TumourBoard.Domain.People;

/// <summary>The five roles of the platform. A user holds exactly one.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string DataManager = "DataManager";
    public const string Clinician = "Clinician";
    public const string Observer = "Observer";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, DataManager, Clinician, Observer];

    /// <summary>Members of the board see submitted cases, meetings and minutes.</summary>
    public static readonly IReadOnlyList<string> BoardMembers = [Coordinator, DataManager, Clinician];

    /// <summary>National roles may have no centre; every other role belongs to one.</summary>
    public static bool IsNational(string role) => role is Admin or Coordinator;

    public static bool CanVote(string role) => role is Clinician or Coordinator;

    public static bool IsKnown(string role) => All.Contains(role);
}
