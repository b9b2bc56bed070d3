using TumourBoard.Domain.People;

namespace TumourBoard.Domain.Moc;

/// <summary>
/// The conditions of a Belgian multidisciplinary oncological consultation (MOC/COM, nomenclature article 11) that the
/// application can check from who was in the room: how many physicians, how many specialties, which specialties, and
/// whether a physician must hold a RIZIV/INAMI number to count. The coordinator sets them; a meeting keeps the rules
/// in force when it starts.
/// </summary>
public sealed record MocRules(int MinPhysicians, int MinSpecialties, bool TreatingSpecialtyRequired, bool RizivNumberRequired, IReadOnlyList<Discipline> RequiredSpecialties)
{
    public const int MaxPhysicians = 30;

    /// <summary>Four physicians of at least three specialties, among them the treating one, each with a RIZIV/INAMI number.</summary>
    public static readonly MocRules Default = new(4, 3, true, true, []);

    /// <summary>The specialties a physician of the board can practise (paediatric haematology and oncology are one).</summary>
    public static IReadOnlyList<Discipline> Specialties { get; } =
        Enum.GetValues<Discipline>().Where(d => d.IsMedical()).Select(SpecialtyOf).Distinct().ToList();

    /// <summary>
    /// The specialty a discipline counts as. Paediatric haematology and paediatric oncology are one recognised specialty
    /// in Belgium (the special professional title in paediatric haematology and oncology), so two of them do not make
    /// two specialties.
    /// </summary>
    public static Discipline SpecialtyOf(Discipline discipline) =>
        discipline == Discipline.PaediatricHaematology ? Discipline.PaediatricOncology : discipline;

    public MocRules Validate()
    {
        var required = RequiredSpecialties ?? [];
        if (MinPhysicians is < 1 or > MaxPhysicians
            || MinSpecialties < 0 || MinSpecialties > Specialties.Count
            || required.Any(d => !Enum.IsDefined(d) || !d.IsMedical())
            || required.Select(SpecialtyOf).Distinct().Count() != required.Count)
            throw new DomainException("Moc.RulesInvalid",
                $"The MOC rules need 1 to {MaxPhysicians} physicians, at most {Specialties.Count} specialties, and required specialties that are medical and each named once.");
        return this with { RequiredSpecialties = required.Select(SpecialtyOf).Order().ToList() };
    }
}
