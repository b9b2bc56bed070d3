namespace TumourBoard.Domain.Diagnoses;

/// <summary>One of the twelve ICCC-3 main groups, e.g. 6, "VI", "Renal tumors".</summary>
public sealed record Iccc3Group(int Number, string Numeral, string Name);

/// <summary>
/// Where a tumour falls in the International Classification of Childhood Cancer, 3rd edition
/// (SEER "IARC 2017" recode). A tumour that matches no row of the table is <see cref="NotClassified"/>:
/// SEER recode 999, empty group and subgroup codes, and <see cref="IsClassified"/> false.
/// Names keep SEER's American spelling ("tumor", "leukemia") because they are the classification's own labels.
/// </summary>
public sealed record Iccc3Classification
{
    public const string NotClassifiedRecode = "999";
    public const string NotClassifiedName = "Not classified by SEER or in situ";

    internal Iccc3Classification(
        string group,
        string groupName,
        string subgroup,
        string subgroupName,
        string extendedSubgroup,
        string extendedSubgroupName,
        string seerRecode,
        string seerExtendedRecode)
    {
        Group = group;
        GroupName = groupName;
        Subgroup = subgroup;
        SubgroupName = subgroupName;
        ExtendedSubgroup = extendedSubgroup;
        ExtendedSubgroupName = extendedSubgroupName;
        SeerRecode = seerRecode;
        SeerExtendedRecode = seerExtendedRecode;
    }

    public static Iccc3Classification NotClassified { get; } = new(
        "", NotClassifiedName, "", NotClassifiedName, "", NotClassifiedName, NotClassifiedRecode, NotClassifiedRecode);

    /// <summary>Roman numeral of the main group, I to XII.</summary>
    public string Group { get; }

    public string GroupName { get; }

    /// <summary>Lettered subgroup, e.g. <c>IIIb</c>; retinoblastoma has no letter and is <c>V</c>.</summary>
    public string Subgroup { get; }

    public string SubgroupName { get; }

    /// <summary>Division of the subgroup, e.g. <c>Ia.1</c>; equal to <see cref="Subgroup"/> where there are no divisions.</summary>
    public string ExtendedSubgroup { get; }

    public string ExtendedSubgroupName { get; }

    /// <summary>SEER main ICCC recode, e.g. <c>011</c> for Ia, or <c>999</c>.</summary>
    public string SeerRecode { get; }

    /// <summary>SEER extended ICCC recode, <c>001</c> to <c>115</c>, or <c>999</c>.</summary>
    public string SeerExtendedRecode { get; }

    public bool IsClassified => SeerRecode != NotClassifiedRecode;

    public override string ToString() =>
        IsClassified ? $"{ExtendedSubgroup} {ExtendedSubgroupName}" : NotClassifiedName;
}
