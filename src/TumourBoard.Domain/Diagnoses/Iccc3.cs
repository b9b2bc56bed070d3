namespace TumourBoard.Domain.Diagnoses;

/// <summary>
/// The International Classification of Childhood Cancer, 3rd edition (SEER "IARC 2017" recode),
/// read once from the table embedded in this assembly. See docs/reference-data.md for its source and limits.
/// </summary>
public static class Iccc3
{
    private static readonly Lazy<Iccc3Table> _table = new(Iccc3Table.LoadEmbedded);

    /// <summary>The twelve main groups, I to XII, in order.</summary>
    public static IReadOnlyList<Iccc3Group> Groups => Table.Groups;

    /// <summary>
    /// Classifies a tumour by histology, behaviour and site. Only malignant tumours are classified, except
    /// /0 and /1 tumours of the CNS group III and of the intracranial and intraspinal germ-cell subgroup Xa;
    /// anything else is <see cref="Iccc3Classification.NotClassified"/>.
    /// </summary>
    public static Iccc3Classification Classify(IcdO3Morphology morphology, IcdO3Topography topography)
    {
        ArgumentNullException.ThrowIfNull(morphology);
        ArgumentNullException.ThrowIfNull(topography);
        return Table.Classify(morphology.Histology, morphology.Behaviour, topography.Site);
    }

    /// <summary>
    /// Every group (VI), subgroup (VIa) and extended subgroup (VIa.1) of the table, each once, in table order;
    /// retinoblastoma's V is a group only.
    /// </summary>
    public static IReadOnlyList<Iccc3Category> Categories => _categories.Value;

    /// <summary>The group, subgroup or extended subgroup with this code (case as written in the table), or null.</summary>
    public static Iccc3Category? Category(string? code)
    {
        var trimmed = (code ?? "").Trim();
        return trimmed.Length == 0 ? null : Categories.FirstOrDefault(c => c.Code == trimmed);
    }

    private static readonly Lazy<IReadOnlyList<Iccc3Category>> _categories = new(() =>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var categories = new List<Iccc3Category>();
        foreach (var c in Table.Rows.Select(r => r.Classification))
        {
            if (seen.Add(c.Group))
                categories.Add(new Iccc3Category(c.Group, Table.Groups.First(g => g.Numeral == c.Group).Name, Iccc3Level.Group));
            if (seen.Add(c.Subgroup))
                categories.Add(new Iccc3Category(c.Subgroup, c.SubgroupName, Iccc3Level.Subgroup));
            if (seen.Add(c.ExtendedSubgroup))
                categories.Add(new Iccc3Category(c.ExtendedSubgroup, c.ExtendedSubgroupName, Iccc3Level.ExtendedSubgroup));
        }
        return categories;
    });

    internal static Iccc3Table Table => _table.Value;
}

public enum Iccc3Level
{
    Group,
    Subgroup,
    ExtendedSubgroup,
}

/// <summary>A level of the ICCC-3 tree that trial eligibility can name: VI, VIa or VIa.1.</summary>
public sealed record Iccc3Category(string Code, string Name, Iccc3Level Level)
{
    /// <summary>Whether a tumour classified in <paramref name="group"/> and <paramref name="extendedSubgroup"/> falls under this category.</summary>
    public bool Covers(string? group, string? extendedSubgroup) =>
        Code == group || Code == extendedSubgroup
        || (Level == Iccc3Level.Subgroup && extendedSubgroup is not null && extendedSubgroup.StartsWith(Code + ".", StringComparison.Ordinal));
}
