using Microsoft.AspNetCore.Identity;
using TumourBoard.Domain;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Data;

/// <summary>A person who signs in. Identity owns the credentials; the board needs the centre, discipline and language.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 120;

    public string DisplayName { get; private set; } = "";

    /// <summary>Null for national accounts (Admin, Coordinator).</summary>
    public int? CentreId { get; private set; }

    public Discipline Discipline { get; private set; }

    public BoardLanguage PreferredLanguage { get; private set; }

    public bool PrefersDarkTheme { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The person's RIZIV/INAMI number (11 digits, checked), when they gave one; shown to them and to administrators only.</summary>
    public string? RizivNumber { get; private set; }

    /// <summary>SHA-256 of the secret in the person's private calendar feed address; null when they have none.</summary>
    public string? CalendarFeedHash { get; private set; }

    private AppUser() { }

    public AppUser(string email, string displayName, int? centreId, Discipline discipline, BoardLanguage language, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        Email = email.Trim();
        UserName = Email;
        EmailConfirmed = true;
        LockoutEnabled = true;
        CreatedAtUtc = createdAtUtc;
        Describe(displayName, centreId, discipline, language);
    }

    public void Describe(string displayName, int? centreId, Discipline discipline, BoardLanguage language)
    {
        displayName = (displayName ?? "").Trim();
        if (displayName.Length is 0 or > MaxDisplayNameLength)
            throw new DomainException("User.DisplayNameInvalid", $"A display name has 1 to {MaxDisplayNameLength} characters.");
        if (!Enum.IsDefined(discipline))
            throw new DomainException("User.DisciplineInvalid", "Unknown discipline.");
        DisplayName = displayName;
        CentreId = centreId;
        Discipline = discipline;
        PreferredLanguage = language;
    }

    /// <summary>Records the person's RIZIV/INAMI number, or removes it (null).</summary>
    public void RecordRizivNumber(TumourBoard.Domain.Diagnoses.RizivNumber? number) => RizivNumber = number?.Digits;

    public void ChooseLanguage(BoardLanguage language) => PreferredLanguage = language;

    public void ChooseTheme(bool dark) => PrefersDarkTheme = dark;

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
