namespace TumourBoard.Domain.People;

public enum Discipline
{
    PaediatricOncology,
    PaediatricHaematology,
    Surgery,
    Neurosurgery,
    Radiotherapy,
    Radiology,
    Pathology,
    Genetics,
    Research,
    Nursing,
    Pharmacy,
    Psychology,
    DataManagement,
    Other,
}

public static class Disciplines
{
    /// <summary>Disciplines practised by physicians; they count towards the physician quorum.</summary>
    public static bool IsMedical(this Discipline discipline) => discipline is
        Discipline.PaediatricOncology or Discipline.PaediatricHaematology or Discipline.Surgery or
        Discipline.Neurosurgery or Discipline.Radiotherapy or Discipline.Radiology or
        Discipline.Pathology or Discipline.Genetics;
}
