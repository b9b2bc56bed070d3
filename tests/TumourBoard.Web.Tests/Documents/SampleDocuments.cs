using TumourBoard.Web.Documents;

namespace TumourBoard.Web.Tests.Documents;

/// <summary>Documents shaped like the ones the board files: the minutes of a meeting and a recommendation letter.</summary>
internal static class SampleDocuments
{
    public static readonly DateTimeOffset Created = new(2026, 3, 3, 14, 5, 0, TimeSpan.FromHours(1));

    public static readonly PageFooter Footer = new(
        "Confidentiel — données pseudonymisées, réservé aux membres du tumour board.", "Page {0} de {1}");

    private static readonly string[] Centres = ["UZ Leuven", "UZ Gent", "Cliniques universitaires Saint-Luc", "HUDERF", "UZ Brussel", "CHU de Liège", "UZ Antwerpen"];

    private static readonly string[] Diagnoses =
    [
        "Neuroblastome, stade M, MYCN amplifié",
        "Médulloblastome, groupe 3, métastatique",
        "Néphroblastome bilatéral (tumeur de Wilms), histologie favorable",
        "Rhabdomyosarcome embryonnaire de la vessie",
        "Ostéosarcome du fémur distal, mauvaise réponse histologique",
        "Leucémie aiguë lymphoblastique B, rechute précoce",
        "Gliome diffus de la ligne médiane, H3 K27-altéré",
    ];

    private static readonly string[] Sentences =
    [
        "L'imagerie de réévaluation après quatre cycles montre une réponse partielle de la masse primaire.",
        "De patiënt verdraagt de behandeling goed; er is geen graad 3-toxiciteit gemeld.",
        "La biopsie confirme la présence d'une maladie résiduelle au niveau médullaire.",
        "Het multidisciplinair team stelt voor om de chirurgische resectie na de inductie te plannen.",
        "Une radiothérapie complémentaire est discutée, en tenant compte de l'âge de l'enfant.",
        "Les parents ont été informés des options et souhaitent une inclusion dans l'essai clinique.",
        "De MIBG-scan toont een persisterende opname in het bekken en de linker femur.",
        "Le bilan cardiaque avant anthracyclines est normal, fraction d'éjection à 64 %.",
    ];

    public static Document Minutes(int cases, string? watermark = null) => new()
    {
        Metadata = new DocumentMetadata("Procès-verbal du tumour board du 3 mars 2026", "fr-BE", Created)
        {
            Subject = "Tumour board national d'hémato-oncologie pédiatrique",
            Author = "Secrétariat du tumour board",
        },
        Header = new PageHeader("Tumour board national d'hémato-oncologie pédiatrique", "Mardi 3 mars 2026"),
        Footer = Footer,
        Watermark = watermark,
        Blocks = [.. MinutesBlocks(cases)],
    };

    private static IEnumerable<Block> MinutesBlocks(int cases)
    {
        yield return new Heading(1, "Procès-verbal de la réunion du 3 mars 2026");
        yield return new KeyValueBlock(
        [
            new KeyValue("Président", "Prof. dr. A. Vermeulen (UZ Leuven)"),
            new KeyValue("Secrétaire", "Dr. C. Lefèvre (Cliniques universitaires Saint-Luc)"),
            new KeyValue("Centres présents", string.Join(", ", Centres)),
            new KeyValue("Quorum", "Atteint — 23 membres votants présents sur 31"),
        ]);
        yield return new Rule();
        yield return new Heading(2, "Ordre du jour");
        yield return new Table(
            [new TableColumn("N°", 0.5f, ColumnAlignment.Right), new TableColumn("Heure", 0.8f, ColumnAlignment.Right), new TableColumn("Cas", 4), new TableColumn("Centre", 2.4f), new TableColumn("Minutes", 1, ColumnAlignment.Right)],
            Enumerable.Range(1, cases).Select(i => (IReadOnlyList<string>)
            [
                $"{i}", $"{12 + (30 + i * 2) / 60}:{(30 + i * 2) % 60:D2}", Diagnoses[i % Diagnoses.Length], Centres[i % Centres.Length], $"{2 + i % 4}",
            ]));
        for (var i = 1; i <= cases; i++)
        {
            yield return new KeepTogether(
            [
                new Heading(2, $"Cas {i} — {Diagnoses[i % Diagnoses.Length]}"),
                new KeyValueBlock(
                [
                    new KeyValue("Centre", Centres[i % Centres.Length]),
                    new KeyValue("Présenté par", $"Dr. {(char)('A' + i % 26)}. Dubois-Peeters"),
                    new KeyValue("Question au board", "Faut-il poursuivre le traitement d'induction ou passer à la consolidation par chimiothérapie à haute dose avec greffe autologue ?"),
                ]),
                new Heading(3, "Discussion"),
                new Paragraph(string.Join(" ", Enumerable.Range(0, 3 + i % 5).Select(s => Sentences[(i + s) % Sentences.Length]))),
                new Heading(3, "Vote"),
                new Table(
                    [new TableColumn("Option", 5), new TableColumn("Voix", 1, ColumnAlignment.Right)],
                    [
                        ["Poursuivre l'induction (deux cycles supplémentaires)", $"{8 + i % 5}"],
                        ["Consolidation par chimiothérapie à haute dose", $"{12 - i % 5}"],
                        ["Abstention", "3"],
                    ]),
                new Paragraph($"Recommandation : consolidation par chimiothérapie à haute dose, décidée avec le quorum (cas {i}).", TextStyle.Bold),
                new Paragraph("Minorité : deux membres préfèrent attendre la réévaluation par MIBG.", TextStyle.Small | TextStyle.Muted | TextStyle.Italic),
            ]);
        }
    }

    public static Document Letter() => new()
    {
        Metadata = new DocumentMetadata("Aanbeveling van de tumour board — casus 7", "nl-BE", Created)
        {
            Subject = "Aanbeveling",
            Author = "Nationale tumour board pediatrische hemato-oncologie",
        },
        Header = new PageHeader("Nationale tumour board pediatrische hemato-oncologie", "3 maart 2026"),
        Footer = new PageFooter("Vertrouwelijk — gepseudonimiseerde gegevens.", "Pagina {0} van {1}"),
        Blocks =
        [
            new Heading(1, "Aanbeveling van de tumour board"),
            new KeyValueBlock([new KeyValue("Aan", "Dr. M. Janssens, UZ Gent"), new KeyValue("Casus", "7 — Neuroblastoom, stadium M"), new KeyValue("Vergadering", "Dinsdag 3 maart 2026, 12:30")]),
            new Paragraph("Geachte collega,"),
            new Paragraph("De nationale tumour board heeft de casus van uw patiënt besproken. De leden zijn het eens over de volgende aanbeveling, die met het quorum werd aangenomen."),
            new Heading(2, "Aanbeveling"),
            new Paragraph("Consolidatie met hooggedoseerde chemotherapie en autologe stamceltransplantatie, gevolgd door radiotherapie op de primaire tumorplaats."),
            new Heading(2, "Motivering"),
            new Paragraph("De respons na inductie is partieel; de MIBG-scan toont nog opname in het bekken. Volgens het protocol is consolidatie aangewezen."),
            new Spacer(12),
            new Paragraph("Met collegiale groeten,\nProf. dr. A. Vermeulen\nVoorzitter van de tumour board"),
        ],
    };
}
