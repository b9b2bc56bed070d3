using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases.Guard;

public class IdentifierGuardKindTests
{
    // --- national numbers ---

    [Theory]
    [InlineData("880412123", false)] // born 1988
    [InlineData("150312456", true)] // born 2015: 2 prefixed for the check
    [InlineData("152312789", true)] // BIS, month + 20
    [InlineData("134305101", true)] // BIS, month + 40
    public void Scan_ElevenDigitsWithValidCheckDigits_IsNationalNumber(string firstNine, bool bornFrom2000)
    {
        var number = NationalNumberSamples.WithCheckDigits(firstNine, bornFrom2000);

        AssertSingle($"INSZ-code {number} ok", IdentifierKind.NationalNumber, number);
    }

    [Theory]
    [InlineData("880412123", false)]
    [InlineData("150312456", true)]
    public void Scan_ElevenDigitsWithWrongCheckDigits_PassesAsAPlainNumber(string firstNine, bool bornFrom2000)
    {
        var number = NationalNumberSamples.WithWrongCheckDigits(firstNine, bornFrom2000);

        Assert.Empty(IdentifierGuard.Scan($"Sample {number} sent"));
    }

    [Theory]
    [InlineData("{0}.{1}.{2}-{3}.{4}")]
    [InlineData("{0}{1}{2}-{3}-{4}")]
    [InlineData("{0}{1}{2} {3} {4}")]
    [InlineData("{0} {1} {2} {3} {4}")]
    [InlineData("{0}{1}{2}-{3}.{4}")]
    public void Scan_NationalNumberInWrittenForms_IsFound(string layout)
    {
        var d = NationalNumberSamples.WithCheckDigits("110227316", bornFrom2000: true);
        var written = string.Format(System.Globalization.CultureInfo.InvariantCulture, layout, d[..2], d[2..4], d[4..6], d[6..9], d[9..]);

        AssertSingle($"NISS: {written}.", IdentifierKind.NationalNumber, written);
    }

    [Fact]
    public void Scan_OfficialLayoutWithWrongCheckDigits_IsStillNationalNumber()
    {
        var written = NationalNumberSamples.Formatted(NationalNumberSamples.WithWrongCheckDigits("920115047", bornFrom2000: false));

        AssertSingle($"nr {written}", IdentifierKind.NationalNumber, written);
    }

    [Fact]
    public void Scan_SpacedGroupsWithWrongCheckDigits_Pass()
    {
        var d = NationalNumberSamples.WithWrongCheckDigits("920115047", bornFrom2000: false);

        Assert.Empty(IdentifierGuard.Scan($"counts {d[..6]} {d[6..9]} {d[9..]}"));
    }

    [Fact]
    public void Scan_OfficialLayoutWithImpossibleMonth_Passes()
    {
        Assert.Empty(IdentifierGuard.Scan("ref 85.13.30-033.28"));
    }

    // --- e-mail, web and IP addresses ---

    [Theory]
    [InlineData("Mail sophie.claes@example.be please", "sophie.claes@example.be")]
    [InlineData("via m.dubois+kids@mail.example.com.", "m.dubois+kids@mail.example.com")]
    [InlineData("écrire à p.martin[at]exemple.com", "p.martin[at]exemple.com")]
    [InlineData("naar jan(AT)voorbeeld.be", "jan(AT)voorbeeld.be")]
    public void Scan_EmailAddress_IsEmail(string text, string expected) => AssertSingle(text, IdentifierKind.Email, expected);

    [Theory]
    [InlineData("a@b")]
    [InlineData("@team please review")]
    [InlineData("ratio a@1.5")]
    public void Scan_AtSignWithoutDomain_Passes(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    [Theory]
    [InlineData("Blog: https://www.example.be/emma.", "https://www.example.be/emma")]
    [InlineData("see www.example.org/help-lucas, thanks", "www.example.org/help-lucas")]
    [InlineData("(http://example.org/x?id=1)", "http://example.org/x?id=1")]
    public void Scan_WebAddress_IsUrl(string text, string expected) => AssertSingle(text, IdentifierKind.Url, expected);

    [Theory]
    [InlineData("host 192.168.14.27 in radiology", "192.168.14.27")]
    [InlineData("from 10.0.3.254:8080.", "10.0.3.254:8080")]
    [InlineData("v6 2001:db8:85a3::8a2e:370:7334 used", "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 used", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    public void Scan_IpAddress_IsIpAddress(string text, string expected) => AssertSingle(text, IdentifierKind.IpAddress, expected);

    [Theory]
    [InlineData("octet too large 999.1.1.1")]
    [InlineData("version 1.2.3.4.5")]
    [InlineData("ended 14:30:15")]
    [InlineData("KMT2A::AFF1 and BCR::ABL1")]
    [InlineData("a decade of face-to-face visits")]
    public void Scan_NotAnIpAddress_Passes(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    // --- phones ---

    [Theory]
    [InlineData("tel 02 764 11 11.", "02 764 11 11")]
    [InlineData("gsm 0475/12.34.56", "0475/12.34.56")]
    [InlineData("call +32 2 764 11 11", "+32 2 764 11 11")]
    [InlineData("call 0032 2 764 11 11", "0032 2 764 11 11")]
    [InlineData("mobile +32 475 12 34 56", "+32 475 12 34 56")]
    [InlineData("mobile +32 (0)475 12 34 56", "+32 (0)475 12 34 56")]
    [InlineData("Lyon +33 4 72 11 22 33", "+33 4 72 11 22 33")]
    [InlineData("Leuven 016 33 22 11", "016 33 22 11")]
    [InlineData("plain 0475123456", "0475123456")]
    public void Scan_PhoneNumber_IsPhone(string text, string expected) => AssertSingle(text, IdentifierKind.Phone, expected);

    [Theory]
    [InlineData("ferritin 0.5 and 0,8")]
    [InlineData("day +28, D+28")]
    [InlineData("doses at 0, 6, 12 and 24 h")]
    [InlineData("CD34+ 12 %")]
    [InlineData("47,XY,+21")]
    [InlineData("02 03 04 05 06")]
    public void Scan_NumbersThatAreNotPhones_Pass(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    // --- dates ---

    [Theory]
    [InlineData("born 12/03/2015", "12/03/2015", "03/2015")]
    [InlineData("on 2015-03-12.", "2015-03-12", "03/2015")]
    [InlineData("le 12.03.15", "12.03.15", "03/2015")]
    [InlineData("op 12-03-2015", "12-03-2015", "03/2015")]
    [InlineData("on 03/25/2015", "03/25/2015", "03/2015")]
    [InlineData("born 12 March 2015", "12 March 2015", "03/2015")]
    [InlineData("née le 12 mars 2015", "12 mars 2015", "03/2015")]
    [InlineData("geboren 3 maart 2015", "3 maart 2015", "03/2015")]
    [InlineData("seen March 12, 2015", "March 12, 2015", "03/2015")]
    [InlineData("le 1er janvier 2016", "1er janvier 2016", "01/2016")]
    [InlineData("on 12 Mar 2015", "12 Mar 2015", "03/2015")]
    [InlineData("le 12 déc. 2015", "12 déc. 2015", "12/2015")]
    [InlineData("op 3 mrt 2015", "3 mrt 2015", "03/2015")]
    [InlineData("on the 1st of June 2020", "1st of June 2020", "06/2020")]
    [InlineData("op 3de april 2019", "3de april 2019", "04/2019")]
    [InlineData("on 12-Mar-2015", "12-Mar-2015", "03/2015")]
    [InlineData("born 29 February 2016", "29 February 2016", "02/2016")]
    public void Scan_FullDate_IsFoundWithMonthYearFix(string text, string expected, string fix)
    {
        var finding = AssertSingle(text, IdentifierKind.Date, expected);

        Assert.Equal(fix, finding.SuggestedFix);
    }

    [Fact]
    public void Scan_FullDateInFrench_IsFoundWithMonthYearFix()
    {
        var finding = Assert.Single(IdentifierGuard.Scan("Diagnostic posé le 5 septembre 2014 à Liège."));

        Assert.Equal(IdentifierKind.Date, finding.Kind);
        Assert.Equal("09/2014", finding.SuggestedFix);
    }

    [Theory]
    [InlineData("relapse 03/2015")]
    [InlineData("relapse in March 2015")]
    [InlineData("rechute en mars 2015")]
    [InlineData("herval in 2015")]
    [InlineData("day +28, D+28, J15, dag 8")]
    [InlineData("réunion du 12 mars")]
    [InlineData("30 February 2015 is not a date")]
    [InlineData("at 14:30 on 12.03")]
    [InlineData("cycle 1-2-3")]
    public void Scan_PartialOrRelativeDate_Passes(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    [Fact]
    public void Scan_FindingsOtherThanDates_HaveNoSuggestedFix()
    {
        var findings = IdentifierGuard.Scan("Mme Dupont, 0475 12 34 56, rue de la Loi 16, MRN 12345678, a@example.be");

        Assert.Equal(5, findings.Count);
        Assert.All(findings, f => Assert.Null(f.SuggestedFix));
    }

    // --- addresses ---

    [Theory]
    [InlineData("habite rue de la Loi 16, au 3e", "rue de la Loi 16")]
    [InlineData("habite 12 rue de la Loi", "12 rue de la Loi")]
    [InlineData("habite 16, rue du Marché aux Herbes", "16, rue du Marché aux Herbes")]
    [InlineData("woont Kerkstraat 12 in Gent", "Kerkstraat 12")]
    [InlineData("woont Herestraat 49 bus 3", "Herestraat 49 bus 3")]
    [InlineData("woont Sint-Pietersnieuwstraat 33A", "Sint-Pietersnieuwstraat 33A")]
    [InlineData("lives at 221B Baker Street", "221B Baker Street")]
    [InlineData("wohnt Hauptstraße 5", "Hauptstraße 5")]
    [InlineData("near av. Hippocrate 10", "av. Hippocrate 10")]
    [InlineData("postcode 1200 Bruxelles", "1200 Bruxelles")]
    [InlineData("postcode B-3000 Leuven", "B-3000 Leuven")]
    [InlineData("à 1200 Woluwe-Saint-Lambert", "1200 Woluwe-Saint-Lambert")]
    [InlineData("adres: 2000 Antwerpen", "2000 Antwerpen")]
    public void Scan_Address_IsAddress(string text, string expected) => AssertSingle(text, IdentifierKind.Address, expected);

    [Theory]
    [InlineData("The review took place on day 12 of cycle 2.")]
    [InlineData("In 2015 Wilms tumour was diagnosed.")]
    [InlineData("ANC 1500 Neutrophils recovering")]
    [InlineData("vrije luchtweg 2 keer gecontroleerd")]
    [InlineData("Rue, avenue, straat")]
    [InlineData("In 2010 Leuven joined the consortium.")]
    [InlineData("LDH 1200 UI/L")]
    public void Scan_ClinicalTextNearStreetWordsOrNumbers_Passes(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    // --- record numbers ---

    [Theory]
    [InlineData("MRN 40418826, referred", "40418826")]
    [InlineData("Hospital number: A1234567.", "A1234567")]
    [InlineData("N° de dossier : 2015/123456", "2015/123456")]
    [InlineData("IPP 00458123 à l'hôpital", "00458123")]
    [InlineData("EPD-nummer 1234567 in het UZ", "1234567")]
    [InlineData("Patiëntnummer: 889900112", "889900112")]
    [InlineData("patient ID 2019-004512 here", "2019-004512")]
    [InlineData("INSZ 123 456 789 (onvolledig)", "123 456 789")]
    public void Scan_LabelledRecordNumber_IsRecordNumber(string text, string expected) => AssertSingle(text, IdentifierKind.RecordNumber, expected);

    [Fact]
    public void Scan_LabelledNationalNumber_IsReportedAsNationalNumber()
    {
        var number = NationalNumberSamples.WithCheckDigits("180704222", bornFrom2000: true);

        AssertSingle($"Rijksregisternummer: {number}", IdentifierKind.NationalNumber, number);
    }

    [Theory]
    [InlineData("IPP 40 mg per day")]
    [InlineData("patient number 5 of the cohort")]
    [InlineData("EPD updated, dossier complete")]
    [InlineData("Le dossier 2019 a été revu")]
    public void Scan_LabelWithoutIdentifier_Passes(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    // --- names ---

    [Theory]
    [InlineData("Mme Dupont accompagne", "Dupont")]
    [InlineData("M. Lambert est informé", "Lambert")]
    [InlineData("Mrs Janssens consented", "Janssens")]
    [InlineData("Dhr. Van den Broeck is de vader", "Van den Broeck")]
    [InlineData("Mevrouw Peeters belde", "Peeters")]
    [InlineData("Mme DUPONT Marie est présente", "DUPONT Marie")]
    [InlineData("Mr. O'Brien signed", "O'Brien")]
    [InlineData("Madame Marie-Claire Dubois", "Marie-Claire Dubois")]
    [InlineData("Name: Lucas Vermeulen", "Lucas Vermeulen")]
    [InlineData("Nom : dubois", "dubois")]
    [InlineData("Naam patiënt: Lotte", "Lotte")]
    [InlineData("The patient Emma presented", "Emma")]
    [InlineData("la patiente Léa présente", "Léa")]
    [InlineData("his mother Sarah Peeters came", "Sarah Peeters")]
    [InlineData("sa mère Sophie souhaite", "Sophie")]
    [InlineData("vader Jan is aanwezig", "Jan")]
    [InlineData("The patient, Emma, presented", "Emma")]
    [InlineData("le père (Marc) est là", "Marc")]
    public void Scan_SignalledName_IsName(string text, string expected) => AssertSingle(text, IdentifierKind.Name, expected);

    [Theory]
    [InlineData("Discussed with Dr Janssens and Dr. Peeters")]
    [InlineData("Prof. Maes and Professor Smith agreed")]
    [InlineData("avis du Pr Dubois et de Mme le Dr Dupont")]
    [InlineData("patient Presented with fever")]
    [InlineData("Patient is 7 years old")]
    [InlineData("the patient received vincristine")]
    [InlineData("patient Wilms tumour, patient Down syndrome")]
    [InlineData("Drug name: Vincristine")]
    [InlineData("MR Brain and MS excluded")]
    [InlineData("M. pneumoniae negative")]
    [InlineData("Nom : inconnu")]
    [InlineData("La mère, très inquiète, pose des questions")]
    [InlineData("For the patient, Wilms tumour was the first diagnosis")]
    public void Scan_PhysiciansAndOrdinaryWording_Pass(string text) => Assert.Empty(IdentifierGuard.Scan(text));

    private static IdentifierFinding AssertSingle(string text, IdentifierKind kind, string expected)
    {
        var findings = IdentifierGuard.Scan(text);
        var finding = Assert.Single(findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
        return finding;
    }
}
