namespace TumourBoard.Domain.Diagnoses;

/// <summary>The ICD-O-3 behaviour code: the digit after the slash in a morphology code such as 9500/3.</summary>
public enum TumourBehaviour
{
    Benign = 0,

    /// <summary>Uncertain whether benign or malignant (borderline).</summary>
    Uncertain = 1,

    InSitu = 2,

    /// <summary>Malignant, primary site.</summary>
    Malignant = 3,

    /// <summary>Malignant, metastatic site. Registries code the primary (/3), so ICCC-3 classifies no /6 tumour.</summary>
    Metastatic = 6,

    /// <summary>Malignant, uncertain whether primary or metastatic. ICCC-3 classifies no /9 tumour either.</summary>
    UncertainWhetherPrimaryOrMetastatic = 9,
}
