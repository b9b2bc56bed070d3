using System.Text.RegularExpressions;
using TumourBoard.Domain.Common;

namespace TumourBoard.Domain.Centres;

/// <summary>A recognised paediatric haemato-oncology centre that submits cases to the board.</summary>
public sealed partial class Centre
{
    public const int MaxNameLength = 200;
    public const int MaxCityLength = 100;

    private Centre() { }

    public Centre(string code, string name, string city, BoardLanguage language)
    {
        Code = ValidCode(code);
        Rename(name, city, language);
    }

    public int Id { get; private set; }

    /// <summary>Short upper-case code, e.g. UZL. Used in demo e-mail addresses, so it never changes.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string City { get; private set; } = "";

    public BoardLanguage Language { get; private set; }

    public bool IsActive { get; private set; } = true;

    public void Rename(string name, string city, BoardLanguage language)
    {
        name = (name ?? "").Trim();
        city = (city ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw new DomainException("Centre.NameInvalid", $"A centre name has 1 to {MaxNameLength} characters.");
        if (city.Length is 0 or > MaxCityLength)
            throw new DomainException("Centre.CityInvalid", $"A city has 1 to {MaxCityLength} characters.");
        if (!Enum.IsDefined(language))
            throw new DomainException("Centre.LanguageInvalid", "Unknown language.");
        Name = name;
        City = city;
        Language = language;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public static string ValidCode(string? code)
    {
        var normalised = (code ?? "").Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalised))
            throw new DomainException("Centre.CodeInvalid", "A centre code has 2 to 10 letters or digits, starting with a letter.");
        return normalised;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex CodePattern();
}
