using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Features.Moc;
using TumourBoard.Web.Localization;
using Sex = TumourBoard.Domain.Cases.Sex;

namespace TumourBoard.Web.Features.Fhir;

/// <summary>
/// A closed meeting as an HL7 FHIR R4 Bundle (type collection), for the centres' own systems: per discussed case the
/// pseudonymous Patient (case code, sex; no name, no birth date), the board's review as a Procedure (question,
/// recommendation and MOC check in its notes), the recommendation as a CarePlan and the vote as an Observation; once
/// finalised, the minutes' PDF as one DocumentReference that each review's Procedure reports.
/// </summary>
public sealed class FhirExport(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    MinutesService minutes,
    IStringLocalizer<SharedResource> localizer,
    AuditTrail audit,
    TimeProvider time)
{
    public const string ContentType = "application/fhir+json";

    /// <summary>Identifier systems of the platform's own identifiers (the case code, the centre code, the minutes' SHA-256).</summary>
    public const string CaseCodeSystem = "https://tumourboard.be/fhir/case-code";
    public const string CentreCodeSystem = "https://tumourboard.be/fhir/centre-code";
    public const string MinutesHashSystem = "https://tumourboard.be/fhir/minutes-sha256";

    public async Task<FhirFile> ExportAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        var (record, latest) = await minutes.ForExportAsync(actor, meetingId, ct);
        var itemIds = record.Cases.Select(c => c.ItemId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var times = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && itemIds.Contains(i.Id))
            .Select(i => new ItemTimes(i.Id, i.Discussions.Select(d => new DiscussionTimes(d.StartedAtUtc, d.EndedAtUtc)).ToList(), i.VotingClosedAtUtc,
                i.Recommendation == null ? null : i.Recommendation.RecordedAtUtc))
            .ToDictionaryAsync(i => i.ItemId, ct);
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var now = time.GetUtcNow();
        var bundle = MinutesDocument.InLanguage(record.Language, culture => Compose(record, latest, times, now, culture));
        var json = new FhirJsonSerializer().SerializeToString(bundle, true);
        await audit.RecordAsync(actor, "minutes.fhir", "meeting", meetingId, ct: ct);
        var date = BoardTime.ToLocal(record.StartsAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new FhirFile(Encoding.UTF8.GetBytes(json), $"tumour-board-{date}.fhir.json");
    }

    private sealed record DiscussionTimes(DateTime StartedAtUtc, DateTime? EndedAtUtc);

    private sealed record ItemTimes(int ItemId, List<DiscussionTimes> Discussions, DateTime? VotingClosedAtUtc, DateTime? RecommendedAtUtc);

    private string L(string key, params object[] arguments) => arguments.Length == 0 ? localizer[key] : localizer[key, arguments];

    private Bundle Compose(MinutesRecord record, MinutesVersion? latest, IReadOnlyDictionary<int, ItemTimes> times, DateTimeOffset now, CultureInfo culture)
    {
        var ids = new StableIds(record.MeetingId);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Collection,
            Timestamp = Instant(now.UtcDateTime),
        };
        void Add(string key, Resource resource)
        {
            resource.Id = ids.Of(key);
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = ids.Url(key), Resource = resource });
        }
        ResourceReference Ref(string key) => new(ids.Url(key));

        var language = culture.TwoLetterISOLanguageName;
        Add("board", new Organization { Name = L("Fhir.BoardName"), Active = true });
        foreach (var centre in record.Cases.Select(c => (c.CentreCode, c.CentreName)).Distinct())
            Add($"centre:{centre.CentreCode}", new Organization
            {
                Identifier = [new Identifier(CentreCodeSystem, centre.CentreCode)],
                Name = centre.CentreName,
                Active = true,
            });
        if (latest is not null)
            Add("minutes", Minutes(record, latest, language, ids));

        foreach (var c in record.Cases)
        {
            var item = $"item:{c.ItemId}";
            times.TryGetValue(c.ItemId, out var t);
            Add($"{item}:patient", new Patient
            {
                Identifier = [new Identifier(CaseCodeSystem, c.Code)],
                Gender = c.Sex switch { Sex.Female => AdministrativeGender.Female, Sex.Male => AdministrativeGender.Male, _ => AdministrativeGender.Unknown },
                ManagingOrganization = Ref($"centre:{c.CentreCode}"),
            });

            var notes = new List<Annotation> { Note(L("Minutes.Question"), c.Question) };
            if (c.Recommendation is { } recommendation)
                notes.Add(Note(L("Minutes.Recommendation"), Chosen(recommendation)));
            if (c.Moc is { } moc)
                notes.Add(Note(L("Moc.Title"), localizer.Summary(moc)));
            var discussions = t?.Discussions ?? [];
            Add($"{item}:review", new Procedure
            {
                Status = EventStatus.Completed,
                Code = new CodeableConcept { Text = L("Fhir.Review") },
                Subject = Ref($"{item}:patient"),
                Performed = discussions.Count == 0
                    ? At(record.StartedAtUtc ?? record.StartsAtUtc)
                    : new Period(At(discussions.Min(d => d.StartedAtUtc)),
                        discussions.Any(d => d.EndedAtUtc is null) ? null : At(discussions.Max(d => d.EndedAtUtc!.Value))),
                Performer = [new Procedure.PerformerComponent { Actor = Ref("board") }],
                ReasonCode = [new CodeableConcept { Text = c.Iccc3 is null ? c.Diagnosis : $"{c.Diagnosis} (ICCC-3 {c.Iccc3})" }],
                Report = latest is null ? [] : [Ref("minutes")],
                Note = notes,
            });

            if (c.Recommendation is { } r)
            {
                var carePlanNotes = new List<Annotation> { Note(L("Minutes.Rationale"), r.Rationale), Note(L("Minutes.Consensus"), L($"Consensus.{r.Consensus}")) };
                if (!string.IsNullOrWhiteSpace(r.Dissent))
                    carePlanNotes.Add(Note(L("Minutes.Dissent"), r.Dissent));
                if (!string.IsNullOrWhiteSpace(r.TrialReferral))
                    carePlanNotes.Add(Note(L("Minutes.TrialReferral"), r.TrialReferral));
                if (!r.QuorumMet)
                    carePlanNotes.Add(Note(L("Minutes.Quorum"), L("Minutes.QuorumNotMet")));
                Add($"{item}:recommendation", new CarePlan
                {
                    Status = RequestStatus.Active,
                    Intent = CarePlan.CarePlanIntent.Proposal,
                    Title = L("Minutes.BoardRecommendation"),
                    Description = Chosen(r),
                    Subject = Ref($"{item}:patient"),
                    Created = t?.RecommendedAtUtc is { } recorded ? At(recorded).Value : null,
                    Author = Ref("board"),
                    SupportingInfo = [Ref($"{item}:review")],
                    Note = carePlanNotes,
                });
            }

            var components = c.Options
                .Select(o => new Observation.ComponentComponent { Code = new CodeableConcept { Text = o.Label }, Value = new Integer(o.Votes) })
                .Append(new Observation.ComponentComponent { Code = new CodeableConcept { Text = L("Minutes.Abstentions") }, Value = new Integer(c.Abstentions) })
                .Append(new Observation.ComponentComponent { Code = new CodeableConcept { Text = L("Fhir.VotesCast") }, Value = new Integer(c.VotesCast) })
                .Append(new Observation.ComponentComponent { Code = new CodeableConcept { Text = L("Fhir.CentresRepresented") }, Value = new Integer(c.CentresRepresented) })
                .ToList();
            var winner = c.Options.SingleOrDefault(o => o.IsWinner);
            Add($"{item}:vote", new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept { Text = L("Fhir.VoteResult") },
                Subject = Ref($"{item}:patient"),
                PartOf = [Ref($"{item}:review")],
                Effective = t?.VotingClosedAtUtc is { } closed ? At(closed) : null,
                Performer = [Ref("board")],
                Value = new FhirString(winner?.Label ?? (c.IsTie ? L("Room.Tie") : L("Room.NoWinner"))),
                Component = components,
            });
        }
        return bundle;
    }

    private DocumentReference Minutes(MinutesRecord record, MinutesVersion latest, string language, StableIds ids)
    {
        var title = L("Minutes.Heading", record.Title ?? L("Minutes.DefaultTitle"));
        return new DocumentReference
        {
            Identifier = [new Identifier(MinutesHashSystem, latest.Sha256)],
            Status = DocumentReferenceStatus.Current,
            // A correction makes a new version: the document was changed after it was first released.
            DocStatus = latest.Number > 1 ? CompositionStatus.Amended : CompositionStatus.Final,
            Type = new CodeableConcept { Text = L("Fhir.MinutesType") },
            Date = Instant(latest.FinalisedAtUtc),
            Author = [new ResourceReference(ids.Url("board"))],
            Description = $"{title} — {L("Minutes.VersionFinal", latest.Number)}",
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment
                    {
                        ContentType = MinutesEndpoints.PdfContentType,
                        Language = language,
                        Data = latest.Pdf,
                        // R4's size is an unsignedInt; the shared model's Size is R5's integer64, which R4 readers refuse.
                        SizeUnsignedInt = latest.Pdf.Length,
                        // FHIR R4 gives an attachment's hash as SHA-1; the SHA-256 the board verifies with is the identifier.
                        Hash = SHA1.HashData(latest.Pdf),
                        Title = title,
                        CreationElement = At(latest.FinalisedAtUtc),
                    },
                },
            ],
            Context = new DocumentReference.ContextComponent
            {
                Period = new Period(At(record.StartedAtUtc ?? record.StartsAtUtc),
                    record.ClosedAtUtc is { } closed ? At(closed) : null),
                Related = record.Cases.Select(c => new ResourceReference(ids.Url($"item:{c.ItemId}:review"))).ToList(),
            },
        };
    }

    // Times to the millisecond, in UTC: what a reader needs, without the clock's noise.
    private static DateTimeOffset Instant(DateTime utc) => new(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), TimeSpan.Zero);

    private static FhirDateTime At(DateTime utc) => new(Instant(utc));

    private static Annotation Note(string label, string? text) => new() { Text = $"{label}: {(string.IsNullOrWhiteSpace(text) ? "—" : text)}" };

    private static string Chosen(RecommendationRecord r) =>
        r.Option is null ? r.Text ?? "—" : r.Text is null ? r.Option : $"{r.Option}\n{r.Text}";

    /// <summary>
    /// The same resource of the same meeting keeps its id from one export to the next, so a receiving system updates it
    /// instead of adding a copy: a UUID (version 8, RFC 9562) from the SHA-256 of the meeting and the resource's role.
    /// The ids name no case and no person.
    /// </summary>
    private sealed class StableIds(int meetingId)
    {
        public string Of(string key)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"tumourboard:meeting:{meetingId}:{key}"));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            var hex = Convert.ToHexStringLower(hash, 0, 16);
            return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
        }

        public string Url(string key) => $"urn:uuid:{Of(key)}";
    }
}

/// <summary>A FHIR document to send: its bytes and the file name it is offered under.</summary>
public sealed record FhirFile(byte[] Content, string FileName);
