using System.Collections.Frozen;

namespace TumourBoard.Domain.Cases.Guard;

[Flags]
internal enum WordRole : uint
{
    None = 0,
    Month = 1 << 0,
    OrdinalSuffix = 1 << 1,
    Of = 1 << 2,

    // French-style street type written before the name: rue de la Loi.
    StreetBefore = 1 << 3,

    // Street type written after the name: Baker Street, Grote Markt.
    StreetAfter = 1 << 4,

    // Dutch or German compound ending in a street word: Kerkstraat, Hauptstraße.
    StreetCompound = 1 << 5,
    NameParticle = 1 << 6,
    Title = 1 << 7,
    PhysicianTitle = 1 << 8,
    Relation = 1 << 9,
    NotAName = 1 << 10,
    NotAPlace = 1 << 11,
    KnownPlace = 1 << 12,
    RecordLabelEnd = 1 << 13,
    RecordFiller = 1 << 14,
    NameLabelEnd = 1 << 15,
    PostcodePrefix = 1 << 16,
    HouseNumberSuffix = 1 << 17,
}

// The words the rules recognise, in English, French, Dutch and (for streets) German. One case-insensitive
// lookup per word of text gives all its roles. Accented words are listed with and without accents because
// users type both.
internal static class GuardLexicon
{
    private static readonly string[][] MonthNames =
    [
        ["january", "jan", "janv", "janvier", "januari"],
        ["february", "feb", "febr", "fév", "fev", "févr", "fevr", "février", "fevrier", "februari"],
        ["march", "mar", "mars", "maart", "mrt"],
        ["april", "apr", "avril", "avr"],
        ["may", "mai", "mei"],
        ["june", "jun", "juin", "juni"],
        ["july", "jul", "juillet", "juil", "juli"],
        ["august", "aug", "août", "aout", "augustus"],
        ["september", "sep", "sept", "septembre"],
        ["october", "oct", "octobre", "oktober", "okt"],
        ["november", "nov", "novembre"],
        ["december", "dec", "décembre", "decembre", "déc"],
    ];

    private const string OrdinalSuffixes = "st nd rd th er re e ère ème eme ste de";

    private const string StreetTypesBefore =
        "rue avenue av ave chaussée chaussee boulevard bd bld boul place allée allee chemin quai impasse square " +
        "drève dreve clos route sentier ruelle galerie parvis rempart esplanade venelle";

    private const string StreetTypesAfter =
        "street st road rd lane ln drive avenue ave boulevard blvd place square terrace crescent " +
        "straat laan steenweg plein lei dreef weg kaai markt baan dijk singel gracht steeg " +
        "strasse straße gasse platz allee";

    private const string NameParticles =
        "de la le les du des d l van der den het von vom zu ten ter t di da del della dos y el al sur en aux au of the";

    private const string Titles =
        "mr mrs ms miss mx m mme mmes mlle mlles monsieur madame mademoiselle messieurs mesdames madam " +
        "dhr mevr mw mej meneer mevrouw juffrouw herr frau";

    private const string PhysicianTitles =
        "dr drs dre doctor docteur dokter prof pr professor professeur professeure";

    private const string Relations =
        "patient patiente patiënt patiënte mother father mère mere père pere moeder vader mama papa maman mum mom dad " +
        "brother sister frère frere sœur soeur broer broertje zus zusje daughter son fille dochter zoon fils " +
        "child enfant baby bébé bebe boy girl garçon garcon jongen meisje twin jumeau jumelle tweeling " +
        "grandmother grandfather grootmoeder grootvader oma opa aunt uncle tante oncle oom";

    // Medical eponyms and names of scores, classifications and devices: capitalised words that are not people.
    private const string Eponyms =
        "wilms ewing burkitt hodgkin langerhans fanconi down li fraumeni diamond blackfan noonan beckwith wiedemann " +
        "gorlin turner klinefelter kostmann shwachman schwachman bodian bloom nijmegen wiskott aldrich lynch cowden " +
        "digeorge alagille kasabach merritt horner cushing addison hirschsprung crohn hurler gaucher niemann pick tay " +
        "sachs sturge weber hippel lindau recklinghausen bourneville pringle askin kaposi castleman rosai dorfman " +
        "erdheim chester epstein barr philadelphia lansky karnofsky glasgow hickman broviac ommaya gleason chang " +
        "evans ann arbor lugano jude kiel bfm reed sternberg schwann homer wright flexner wintersteiner rosenthal " +
        "verocay exner auer howell jolly pelger huët huet chediak chédiak higashi coombs giemsa grünwald grunwald " +
        "papanicolaou ziehl neelsen gram perls masson grocott kikuchi kimura kawasaki stevens lyell guillain barré " +
        "barre séquard sequard tanner apgar duchenne becker marfan ehlers danlos prader willi angelman rett costello " +
        "sotos bannayan riley ruvalcaba proteus simpson golabi behmel perlman denys drash frasier wagr opitz " +
        "rubinstein taybi cornelia werner rothmund thomson hoyeraal hreidarsson pearson seckel omenn griscelli " +
        "hermansky pudlak gilbert crigler najjar menkes sjögren behçet henoch schönlein schonlein wegener raynaud " +
        "alport fabry pompe krabbe canavan leigh zellweger refsum wolman farber sandhoff sanfilippo morquio " +
        "maroteaux lamy willebrand glanzmann soulier kostmann chiari dandy walker arnold parinaud collet sicard " +
        "budd gerota denonvilliers treitz meckel wharton waldeyer virchow tyndall bence jones hasford " +
        "sokal eutos nccn siop cog inss inrg curie kaplan meier cox fisher student mantel haenszel kruskal wallis " +
        "hyperdiploid philadelphia ph mendel dukes whipple norwood fontan glenn blalock taussig fallot ebstein " +
        "roux hartmann nissen kasai swenson soave duhamel";

    private const string Weekdays =
        "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche " +
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag";

    // Capitalised words that follow "patient", "Name:" and the like in ordinary clinical writing.
    private const string CommonWords =
        // English
        "a an the is was were be been being has had have having will would should could may might must can did does do " +
        "who whom whose which that this these those and or but nor not no yes with without within in on at to from " +
        "for of by as after before during since until under over into onto about above below between through " +
        "presented presents presenting received receives receiving underwent undergoes undergoing developed develops " +
        "developing relapsed relapses relapsing started starts starting remains remained remaining shows showed " +
        "showing shown died deceased discharged admitted refused completed completes continues continued responded " +
        "reached achieved tolerated experienced reports reported denies denied describes described complains needs " +
        "needed requires required treated diagnosed transferred referred followed lost went got became becomes " +
        "went went is also still now then currently initially previously subsequently again alive well stable good " +
        "poor high low standard intermediate very male female aged years year months month weeks week days day " +
        "born case cases one two three four five six seven eight nine ten first second third last next whose " +
        "he she they it his her their here there we you our my your i consent informed characteristics data " +
        "history status number no nr id name age sex gender weight height group stage grade risk arm cohort " +
        "protocol trial study summary details information presentation outcome follow pathway journey safety care " +
        "record records file files list overview background diagnosis treatment therapy response relapse " +
        "progression remission toxicity imaging pathology biology genetics surgery radiotherapy chemotherapy " +
        "transplant transplantation question questions proposal discussion recommendation decision conclusion " +
        "unknown anonymous anonymised anonymized redacted confidential none na n x xx xxx tbd tbc " +
        "all any each every both either neither other others such same another " +
        "selection population demographics eligibility education preference preferences registry advocacy " +
        "outcomes flow numbers accrual enrolment enrollment recruitment inclusion exclusion allocation " +
        "randomisation randomization assessment evaluation monitoring management support satisfaction experience " +
        "perspective involvement participation ages sample samples material profile factors level levels based " +
        "centred centered derived specific friendly facing oriented related chromatid chromatids " +
        "timeline course evolution progress notes note comments comment plan update updates review reviews " +
        "description problem problems concerns form sheet card chart identifier identification preparation " +
        "position positioning transport transfer admission discharge visit visits contact contacts feedback " +
        "données caractéristiques gegevens informatie kenmerken " +
        "cns mrd pet ct mri us ecg eeg ldh afp hcg nse hva vma " +
        // French
        "est était etait a avait ont sont été ete sera serait présente presente présentait presentait présenté " +
        "presente reçoit recoit reçu recu reçue recue de du des la le les l un une en dans avec sans pour par sur " +
        "sous qui que dont et ou mais après apres avant pendant depuis au aux se s ne n il elle ils elles son sa " +
        "ses leur leurs ce cette ces âgé âgée âgés agé agee ans mois jours semaines décédé décédée decede decedee " +
        "traité traitée traite traitee suivi suivie hospitalisé hospitalisée hospitalise hospitalisee admise admis " +
        "transféré transférée transfere transferee née nee né ne présentant presentant développe developpe " +
        "rechute rechuté rechutee reste demeure sort va atteint atteinte porteur porteuse chez inclus incluse " +
        "randomisé randomisée randomise randomisee très tres bien mal actuellement initialement puis ensuite encore " +
        "toujours aussi inconnu inconnue anonyme masqué masque confidentiel aucun aucune pas non oui nom prénom " +
        "prenom numéro numero dossier groupe stade bras cohorte protocole étude etude essai résumé resume " +
        "antécédents antecedents diagnostic traitement réponse reponse rechute bilan imagerie chirurgie " +
        "radiothérapie chimiothérapie greffe proposition discussion décision decision conclusion " +
        // Dutch
        "is was werd wordt heeft had hebben met zonder die dat de het een en of maar in op aan van voor na " +
        "tijdens sinds bij door naar uit om te zijn haar hun hij zij ze kreeg krijgt onderging ondergaat " +
        "ontwikkelde ontwikkelt vertoonde vertoont presenteerde presenteert hervalt herviel overleed overleden " +
        "behandeld opgenomen ontslagen verwezen jaar maanden dagen weken oud nog al ook niet geen blijft bleef " +
        "gaat ging momenteel initieel nadien opnieuw onbekend anoniem vertrouwelijk naam voornaam nummer groep " +
        "stadium arm cohorte protocol studie samenvatting voorgeschiedenis diagnose behandeling respons herval " +
        "beeldvorming chirurgie radiotherapie chemotherapie transplantatie voorstel bespreking beslissing besluit " +
        // German, for street names and titles only
        "und mit der die das";

    private const string Units =
        "mg ml µl ul dl l kg g µg ug ng iu ui ie gy cgy mgy bq mbq kbq kcal cal mmol µmol umol mol mosm " +
        "units unit unités unites unité unite eenheden eenheid cells cellules cellen copies kopieën kopieen " +
        "patients patiënten patienten gevallen cas hours heures uur minutes min euro eur euros dollars " +
        "guidelines guideline update version edition classification criteria staging revision consensus report " +
        "rapport survey who iarc recommendations lignes richtlijnen " +
        "neutrophils neutrophiles neutrofielen lymphocytes lymfocyten blasts blastes blasten platelets plaquettes " +
        "trombocyten leucocytes leukocytes leukocyten erythrocytes reticulocytes monocytes eosinophils basophils " +
        "points punten score scores";

    // Belgian municipalities whose postcode looks like a year (19xx, 20xx), plus the large cities.
    private const string KnownPlaces =
        "bruxelles brussel brussels leuven louvain gent gand ghent antwerpen anvers antwerp liège liege luik namur " +
        "namen charleroi mons bergen brugge bruges hasselt mechelen malines kortrijk courtrai aalst alost genk " +
        "ostende oostende wavre waver arlon aarlen tournai doornik jette woluwe zaventem edegem kampenhout kraainem " +
        "wezembeek sterrebeek zemst elewijt eppegem weerde berchem deurne merksem hoboken wilrijk ekeren " +
        "borgerhout schaerbeek schaarbeek ixelles elsene uccle ukkel anderlecht etterbeek laeken laken vilvoorde " +
        "ottignies seraing verviers roeselare eupen";

    private const string RecordFillers = "n no nr num number nummer numéro numero is est id";

    private const string HouseNumberSuffixes = "bus bte boîte boite box";

    // A label ends with its last word; the words before it must be there too ("patient number").
    internal static readonly LabelSet RecordLabels = new(BuildRecordLabels());

    internal static readonly LabelSet NameLabels = new(
    [
        "name", "nom", "naam", "prénom", "prenom", "prénoms", "prenoms", "voornaam", "voornamen", "achternaam",
        "familienaam", "surname", "forename", "first name", "last name", "family name", "given name", "full name",
        "patient name", "patient ' s name", "nom de famille", "nom du patient", "nom de la patiente",
        "nom de l ' enfant", "nom et prénom", "nom et prenom", "nom / prénom", "nom / prenom", "nom - prénom",
        "prénom et nom", "prenom et nom", "naam patiënt", "naam patient", "naam van de patiënt", "naam van de patient",
        "patiëntnaam", "patientnaam", "nom de jeune fille", "meisjesnaam", "maiden name", "geboortenaam",
        "mother ' s name", "father ' s name", "nom de la mère", "nom du père", "nom de la mere", "nom du pere",
        "naam moeder", "naam vader", "naam van de moeder", "naam van de vader", "child ' s name", "child name",
    ]);

    private static readonly FrozenDictionary<string, (WordRole Roles, byte Month)> Words = Build();

    private static readonly FrozenDictionary<string, (WordRole Roles, byte Month)>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestWord = Words.Keys.Max(k => k.Length);

    // Compounds ending in these are street names whatever their case; the weak ones only when capitalised,
    // because "luchtweg" (airway) and "galweg" (bile duct) are anatomy, not addresses. Grouped by last
    // letter so most words are ruled out by one array lookup.
    private static readonly string[][] StreetSuffixesByLastLetter = GroupByLastLetter(
        ["straat", "steenweg", "laan", "plein", "strasse", "straße", "gasse", "platz", "dreef", "kaai", "singel", "gracht", "steeg"]);

    private static readonly string[][] WeakStreetSuffixesByLastLetter = GroupByLastLetter(["lei", "weg", "baan", "dijk", "markt", "voer", "vest"]);

    public static void Classify(ReadOnlySpan<char> word, ref TextToken token)
    {
        if (word.Length <= LongestWord && WordLookup.TryGetValue(word, out var entry))
        {
            token.Roles = entry.Roles;
            token.Month = entry.Month;
        }

        if (word.Length >= 6 && (token.Roles & (WordRole.StreetAfter | WordRole.StreetBefore)) == 0 && IsStreetCompound(word))
            token.Roles |= WordRole.StreetCompound;
    }

    private static bool IsStreetCompound(ReadOnlySpan<char> word)
    {
        var last = char.ToLowerInvariant(word[^1]);
        if (last >= 128)
            return false;
        foreach (var suffix in StreetSuffixesByLastLetter[last])
        {
            if (word.Length >= suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        if (!char.IsUpper(word[0]))
            return false;
        foreach (var suffix in WeakStreetSuffixesByLastLetter[last])
        {
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static string[][] GroupByLastLetter(string[] suffixes)
    {
        var byLetter = new string[128][];
        for (var c = 0; c < byLetter.Length; c++)
            byLetter[c] = suffixes.Where(s => s[^1] == c).ToArray();
        return byLetter;
    }

    private static IEnumerable<string> BuildRecordLabels()
    {
        string[] single =
        [
            "mrn", "dossier", "ipp", "niss", "insz", "rrn", "epd", "ead", "ssn", "patiëntnummer", "patientnummer",
            "patiëntennummer", "patientennummer", "patiëntnr", "patientnr", "dossiernummer", "dossiernr",
            "rijksregisternummer", "rijksregisternr", "rijksregister", "ziekenhuisnummer", "opnamenummer",
        ];
        foreach (var label in single)
            yield return label;
        foreach (var who in new[] { "patient", "patiënt", "hospital", "record", "chart", "unit", "nhs", "register" })
        {
            foreach (var what in new[] { "number", "no", "nr", "id", "identifier", "num", "nummer" })
            {
                yield return $"{who} {what}";
                yield return $"{who} - {what}";
            }
        }

        string[] french =
        [
            "id patient", "identifiant patient", "identifiant du patient", "numéro patient", "numero patient",
            "numéro de patient", "numero de patient", "n ° patient", "no patient", "numéro national",
            "numero national", "n ° national", "registre national", "rijksregister nummer",
        ];
        foreach (var label in french)
            yield return label;
    }

    private static FrozenDictionary<string, (WordRole Roles, byte Month)> Build()
    {
        var words = new Dictionary<string, (WordRole Roles, byte Month)>(StringComparer.OrdinalIgnoreCase);

        void Add(string list, WordRole role)
        {
            foreach (var word in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = word;
                words[key] = words.TryGetValue(key, out var entry) ? (entry.Roles | role, entry.Month) : (role, (byte)0);
            }
        }

        for (var month = 0; month < MonthNames.Length; month++)
        {
            foreach (var name in MonthNames[month])
            {
                var roles = words.TryGetValue(name, out var entry) ? entry.Roles : WordRole.None;
                words[name] = (roles | WordRole.Month, (byte)(month + 1));
            }
        }

        Add(OrdinalSuffixes, WordRole.OrdinalSuffix);
        Add("of", WordRole.Of);
        Add(StreetTypesBefore, WordRole.StreetBefore);
        Add(StreetTypesAfter, WordRole.StreetAfter);
        Add(NameParticles, WordRole.NameParticle);
        Add(Titles, WordRole.Title | WordRole.NotAName);
        Add(PhysicianTitles, WordRole.PhysicianTitle | WordRole.NotAName);
        Add(Relations, WordRole.Relation | WordRole.NotAName);
        Add(Eponyms, WordRole.NotAName | WordRole.NotAPlace);
        Add(Weekdays, WordRole.NotAName | WordRole.NotAPlace);
        Add(CommonWords, WordRole.NotAName);
        Add(Units, WordRole.NotAPlace | WordRole.NotAName);
        Add(KnownPlaces, WordRole.KnownPlace);
        Add(RecordFillers, WordRole.RecordFiller);
        Add(HouseNumberSuffixes, WordRole.HouseNumberSuffix);
        Add("b be", WordRole.PostcodePrefix);
        foreach (var last in RecordLabels.LastWords)
            Add(last, WordRole.RecordLabelEnd);
        foreach (var last in NameLabels.LastWords)
            Add(last, WordRole.NameLabelEnd);
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
