using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Diagnoses;

public class Iccc3Tests
{
    private static Iccc3Classification Classify(string morphology, string topography) =>
        Iccc3.Classify(IcdO3Morphology.Parse(morphology), IcdO3Topography.Parse(topography));

    // The cross-checks listed in shared/data/README.md. Where the README gives no site, a typical one is used.
    [Theory]
    [InlineData("neuroblastoma of adrenal gland", "9500/3", "C74.9", "IVa")]
    [InlineData("nephroblastoma of kidney", "8960/3", "C64.9", "VIa.1")]
    [InlineData("Ewing sarcoma of pelvic bone", "9260/3", "C41.2", "VIIIc.1")]
    [InlineData("Ewing sarcoma of soft tissue of lower limb", "9260/3", "C49.2", "IXd.1")]
    [InlineData("precursor B-lymphoblastic leukaemia in bone marrow", "9835/3", "C42.1", "Ia.1")]
    [InlineData("lymphoblastic leukaemia/lymphoma NOS in bone marrow", "9811/3", "C42.1", "Ia.1")]
    [InlineData("lymphoblastic leukaemia/lymphoma NOS in intrathoracic nodes", "9811/3", "C77.1", "IIb.1")]
    [InlineData("retinoblastoma of retina", "9510/3", "C69.2", "V")]
    [InlineData("medulloblastoma of cerebellum", "9470/3", "C71.6", "IIIc.1")]
    [InlineData("pilocytic astrocytoma of cerebellum", "9421/1", "C71.6", "IIIb")]
    [InlineData("glioma NOS of optic nerve", "9380/3", "C72.3", "IIIb")]
    [InlineData("glioma NOS of cerebellum", "9380/3", "C71.6", "IIId.2")]
    [InlineData("hepatoblastoma of liver", "8970/3", "C22.0", "VIIa.1")]
    [InlineData("osteosarcoma of long bone of lower limb", "9180/3", "C40.2", "VIIIa")]
    [InlineData("rhabdomyosarcoma of soft tissue of pelvis", "8900/3", "C49.6", "IXa")]
    [InlineData("germinoma of cerebellum", "9064/3", "C71.6", "Xa.1")]
    [InlineData("yolk sac tumour of testis", "9071/3", "C62.0", "Xc.4")]
    [InlineData("Hodgkin lymphoma of cervical nodes", "9650/3", "C77.0", "IIa")]
    [InlineData("Burkitt lymphoma of intra-abdominal nodes", "9687/3", "C77.2", "IIc")]
    [InlineData("acute myeloid leukaemia in bone marrow", "9861/3", "C42.1", "Ib")]
    public void Classify_ReadmeCrossCheck_GivesExpectedExtendedSubgroup(
        string scenario, string morphology, string topography, string expected)
    {
        var classification = Classify(morphology, topography);

        Assert.True(classification.IsClassified, scenario);
        Assert.Equal(expected, classification.ExtendedSubgroup);
    }

    [Fact]
    public void Classify_InSituAstrocytoma_IsNotClassified()
    {
        var classification = Classify("9400/2", "C71.6");

        Assert.False(classification.IsClassified);
        Assert.Same(Iccc3Classification.NotClassified, classification);
        Assert.Equal("999", classification.SeerRecode);
        Assert.Equal("999", classification.SeerExtendedRecode);
        Assert.Equal("", classification.Group);
        Assert.Equal("Not classified by SEER or in situ", classification.ToString());
    }

    [Fact]
    public void Classify_NephroblastomaOfKidney_IsRenalTumourVIa1WithAllFields()
    {
        var classification = Classify("8960/3", "C64.9");

        Assert.Equal("VI", classification.Group);
        Assert.Equal("Renal tumors", classification.GroupName);
        Assert.Equal("VIa", classification.Subgroup);
        Assert.Equal("Nephroblastoma and other non-epithelial renal tumors", classification.SubgroupName);
        Assert.Equal("VIa.1", classification.ExtendedSubgroup);
        Assert.Equal("Nephroblastoma", classification.ExtendedSubgroupName);
        Assert.Equal("061", classification.SeerRecode);
        Assert.Equal("036", classification.SeerExtendedRecode);
        Assert.Equal("VIa.1 Nephroblastoma", classification.ToString());
    }

    [Fact]
    public void Classify_BenignGerminomaOfTestis_IsNotClassifiedBecauseOnlyIntracranialGermCellTumoursAcceptBehaviour1()
    {
        Assert.Equal("Xa.1", Classify("9064/1", "C71.6").ExtendedSubgroup);
        Assert.False(Classify("9064/1", "C62.0").IsClassified);
    }

    [Fact]
    public void Classify_MetastaticNeuroblastoma_IsNotClassifiedBecauseRegistriesCodeThePrimary()
    {
        Assert.False(Classify("9500/6", "C74.9").IsClassified);
    }

    [Theory]
    [InlineData("C71.6", "IIIf")]
    [InlineData("C64.9", "VIc")]
    [InlineData("C22.0", "VIIc")]
    [InlineData("C41.2", "VIIIe")]
    [InlineData("C62.0", "Xe")]
    [InlineData("C49.2", "XIIb")]
    public void Classify_MalignantNeoplasmNosBySite_FallsInTheSiteSpecificUnspecifiedSubgroup(string topography, string expected)
    {
        Assert.Equal(expected, Classify("8000/3", topography).ExtendedSubgroup);
    }

    [Fact]
    public void Classify_HistologyAbsentFromTable_IsNotClassified()
    {
        Assert.False(Classify("8001/0", "C44.5").IsClassified);
    }

    [Fact]
    public void Classify_SameDivisionTwice_ReturnsTheSameInstance()
    {
        Assert.Same(Classify("9835/3", "C42.1"), Classify("9811/3", "C42.1"));
    }

    [Fact]
    public void Groups_AreTheTwelveIccc3GroupsInOrder()
    {
        Assert.Equal(
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"],
            Iccc3.Groups.Select(group => group.Numeral));
        Assert.Equal(Enumerable.Range(1, 12), Iccc3.Groups.Select(group => group.Number));
        Assert.Equal(new Iccc3Group(6, "VI", "Renal tumors"), Iccc3.Groups[5]);
        Assert.Equal("Other and unspecified malignant neoplasms", Iccc3.Groups[11].Name);
    }

    [Fact]
    public void Table_HasEveryRowAndEverySeerExtendedRecode()
    {
        var rows = Iccc3.Table.Rows;

        Assert.Equal(144, rows.Count);
        Assert.Equal(
            Enumerable.Range(1, 115).Select(code => code.ToString("000")),
            rows.Select(row => row.Classification.SeerExtendedRecode).Distinct());
        Assert.All(rows, row =>
        {
            Assert.StartsWith(row.Classification.Group, row.Classification.Subgroup, StringComparison.Ordinal);
            Assert.StartsWith(row.Classification.Subgroup, row.Classification.ExtendedSubgroup, StringComparison.Ordinal);
            Assert.Equal(
                Iccc3.Groups.Single(group => group.Numeral == row.Classification.Group).Number,
                int.Parse(row.Classification.SeerRecode[..2]));
        });
    }

    [Fact]
    public void Table_RowsOfDifferentDivisions_NeverMatchTheSameTumour()
    {
        // Rows are sets of ranges, so two rows share a (histology, behaviour, site) triple exactly when their
        // histology ranges, behaviours and site ranges all overlap. Checking every pair covers every triple.
        var rows = Iccc3.Table.Rows;
        var clashes = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = i + 1; j < rows.Count; j++)
            {
                var (a, b) = (rows[i], rows[j]);
                if (a.Classification.ExtendedSubgroup != b.Classification.ExtendedSubgroup
                    && Overlap(a.Histologies, b.Histologies)
                    && (a.BehaviourMask & b.BehaviourMask) != 0
                    && Overlap(a.Sites, b.Sites))
                {
                    clashes.Add($"line {i + 2} ({a.Classification.ExtendedSubgroup}) and line {j + 2} ({b.Classification.ExtendedSubgroup})");
                }
            }
        }

        Assert.Empty(clashes);

        static bool Overlap(CodeRange[] left, CodeRange[] right) =>
            left.Any(l => right.Any(r => l.Overlaps(r)));
    }

    [Fact]
    public void Classify_SampleOfEveryRowsCorners_MatchesThatRowAndNoOther()
    {
        // For each row: both ends of each histology range, each accepted behaviour, both ends of each site range.
        var table = Iccc3.Table;
        var checkedTriples = 0;
        foreach (var row in table.Rows)
        {
            foreach (var histology in row.Histologies.SelectMany(range => new[] { range.First, range.Last }).Distinct())
            foreach (var behaviour in Enum.GetValues<TumourBehaviour>().Where(b => (row.BehaviourMask & Iccc3Row.BehaviourBit(b)) != 0))
            foreach (var site in row.Sites.SelectMany(range => new[] { range.First, range.Last }).Distinct())
            {
                var morphology = new IcdO3Morphology(histology, behaviour);
                var topography = IcdO3Topography.FromSite(site);

                Assert.Same(row.Classification, Iccc3.Classify(morphology, topography));
                Assert.Single(table.RowsMatching(histology, behaviour, site).Select(r => r.Classification).Distinct());
                checkedTriples++;
            }
        }

        Assert.True(checkedTriples > 1000, $"only {checkedTriples} triples checked");
    }

    [Fact]
    public void Load_MalformedRange_ThrowsWithLineNumber()
    {
        var header = "group,group_name,subgroup,subgroup_name,extended_subgroup,extended_subgroup_name,"
            + "morphology,behaviour,topography,seer_recode,seer_extended_recode,notes";
        var csv = header + "\nV,Retinoblastoma,V,Retinoblastoma,V,Retinoblastoma,9514-9510,3,C000-C809,050,035,\n";

        var error = Assert.Throws<InvalidDataException>(() => Iccc3Table.Load(new StringReader(csv)));
        Assert.Contains("Line 2", error.Message);
    }
}
