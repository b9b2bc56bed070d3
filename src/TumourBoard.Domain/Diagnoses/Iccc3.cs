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

    internal static Iccc3Table Table => _table.Value;
}
