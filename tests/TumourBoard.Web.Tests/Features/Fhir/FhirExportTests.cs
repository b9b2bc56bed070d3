using System.Net;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Web.Features.Fhir;
using TumourBoard.Web.Tests.Features.Moc;
using TumourBoard.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace TumourBoard.Web.Tests.Features.Fhir;

public sealed class FhirExportTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    /// <summary>Read back as a receiving system would, refusing anything the R4 model does not know (unknown elements, wrong codes).</summary>
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private async Task<(Bundle Bundle, string Json)> ExportAsync(int meetingId, string token = "demo-clinician.cusl")
    {
        using var client = _app.ApiClient(token);
        var response = await client.GetAsync($"api/v1/meetings/{meetingId}/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        // Written next to the tests, to open in a FHIR validator while developing.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "fhir"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fhir", $"meeting-{meetingId}.json"), json);
        return (Strict.Deserialize<Bundle>(json), json);
    }

    private static T Single<T>(Bundle bundle, Func<T, bool>? where = null) where T : Resource =>
        Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<T>(), r => where?.Invoke(r) ?? true);

    private static Patient PatientOf(Bundle bundle, string caseCode) =>
        Single<Patient>(bundle, p => p.Identifier.Any(i => i.System == FhirExport.CaseCodeSystem && i.Value == caseCode));

    private static string UrlOf(Bundle bundle, Resource resource) => bundle.Entry.Single(e => ReferenceEquals(e.Resource, resource)).FullUrl!;

    private static IEnumerable<Base> Descendants(Base node) =>
        node.EnumerateElements().SelectMany(e => e.Value switch
        {
            Base child => [child],
            IEnumerable<Base> children => children,
            _ => [],
        }).SelectMany(c => Descendants(c).Prepend(c));

    [Fact]
    public async Task Export_OfFinalisedMinutes_IsAValidR4Bundle_WhoseReferencesAllResolve()
    {
        var scenario = await MocScenario.HeldAsync(_app);
        using (var coordinator = _app.ApiClient("demo-coordinator"))
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{scenario.MeetingId}/minutes/finalise", null)).StatusCode);

        var (bundle, _) = await ExportAsync(scenario.MeetingId);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Empty(bundle.Validate());
        foreach (var resource in bundle.Entry.Select(e => e.Resource!))
            Assert.True(resource.Validate().Count == 0, $"{resource.TypeName}: {string.Join("; ", resource.Validate().Select(i => i.Message))}");
        var urls = bundle.Entry.Select(e => e.FullUrl).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.All(urls, url => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", url));
        Assert.All(bundle.Entry, e => Assert.Equal($"urn:uuid:{e.Resource!.Id}", e.FullUrl));
        var references = bundle.Entry.SelectMany(e => Descendants(e.Resource!)).OfType<ResourceReference>().Select(r => r.Reference).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference, urls));
    }

    [Fact]
    public async Task Export_HasPerCaseThePatientReviewRecommendationAndVote_AndTheMinutesPdf()
    {
        var scenario = await MocScenario.HeldAsync(_app);
        using (var coordinator = _app.ApiClient("demo-coordinator"))
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{scenario.MeetingId}/minutes/finalise", null)).StatusCode);
        var stored = await _app.WithDbAsync(db => db.MinutesVersions
            .Join(db.Minutes.Where(m => m.MeetingId == scenario.MeetingId), v => EF.Property<int>(v, "MinutesId"), m => m.Id, (v, _) => new { v.Pdf, v.Sha256 }).SingleAsync());

        var (bundle, _) = await ExportAsync(scenario.MeetingId);

        var minutes = Single<DocumentReference>(bundle);
        var attachment = Assert.Single(minutes.Content).Attachment!;
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(stored.Pdf, attachment.Data);
        Assert.Equal(SHA1.HashData(stored.Pdf), attachment.Hash);
        Assert.Equal(stored.Pdf.Length, attachment.SizeUnsignedInt);
        Assert.Equal(stored.Sha256, Assert.Single(minutes.Identifier).Value);
        Assert.Equal(CompositionStatus.Final, minutes.DocStatus);
        foreach (var item in new[] { scenario.First, scenario.Second })
        {
            var patient = PatientOf(bundle, item.Code);
            var patientUrl = UrlOf(bundle, patient);
            Assert.Equal(AdministrativeGender.Male, patient.Gender);
            var review = Single<Procedure>(bundle, p => p.Subject!.Reference == patientUrl);
            Assert.Equal(EventStatus.Completed, review.Status);
            Assert.Equal("Tumour board review", review.Code!.Text);
            Assert.IsType<Period>(review.Performed);
            Assert.Contains(review.Note, n => n.Text!.StartsWith("Question to the board: ", StringComparison.Ordinal) && n.Text.Contains('?', StringComparison.Ordinal));
            Assert.Contains(review.Note, n => n.Text == "Recommendation: Chemotherapy and radiotherapy");
            Assert.Contains(review.Note, n => n.Text!.StartsWith("MOC (RIZIV/INAMI): MOC conditions", StringComparison.Ordinal));
            Assert.Equal(UrlOf(bundle, minutes), Assert.Single(review.Report).Reference);
            Assert.Contains(UrlOf(bundle, review), minutes.Context!.Related.Select(r => r.Reference));
            var plan = Single<CarePlan>(bundle, c => c.Subject!.Reference == patientUrl);
            Assert.Equal(CarePlan.CarePlanIntent.Proposal, plan.Intent);
            Assert.Equal("Chemotherapy and radiotherapy", plan.Description);
            Assert.Contains(plan.Note, n => n.Text == "Rationale: Local control with the least morbidity");
            Assert.Equal(UrlOf(bundle, review), Assert.Single(plan.SupportingInfo).Reference);
            var vote = Single<Observation>(bundle, o => o.Subject!.Reference == patientUrl);
            Assert.Equal(UrlOf(bundle, review), Assert.Single(vote.PartOf).Reference);
            Assert.Equal("Chemotherapy and radiotherapy", Assert.IsType<FhirString>(vote.Value).Value);
            Assert.Equal([("Chemotherapy and radiotherapy", 1), ("Chemotherapy and surgery", 0), ("Abstentions", 0), ("Votes cast", 1), ("Centres represented among the voters", 1)],
                vote.Component.Select(c => (c.Code!.Text ?? "", Assert.IsType<Integer>(c.Value).Value ?? -1)));
        }
        var firstReview = Single<Procedure>(bundle, p => p.Subject!.Reference == UrlOf(bundle, PatientOf(bundle, scenario.First.Code)));
        var secondReview = Single<Procedure>(bundle, p => p.Subject!.Reference == UrlOf(bundle, PatientOf(bundle, scenario.Second.Code)));
        Assert.Contains(firstReview.Note, n => n.Text!.StartsWith("MOC (RIZIV/INAMI): MOC conditions met", StringComparison.Ordinal));
        Assert.Contains(secondReview.Note, n => n.Text!.Contains("3 physicians counted, 4 required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_IsPseudonymous_NoNameBirthDateAccountOrRizivNumber()
    {
        var scenario = await MocScenario.HeldAsync(_app);

        var (bundle, json) = await ExportAsync(scenario.MeetingId);

        Assert.All(bundle.Entry.Select(e => e.Resource).OfType<Patient>(), p =>
        {
            Assert.Empty(p.Name);
            Assert.Null(p.BirthDate);
            Assert.Empty(p.Address);
            Assert.Empty(p.Telecom);
            Assert.Equal(FhirExport.CaseCodeSystem, Assert.Single(p.Identifier).System);
        });
        var people = await _app.WithDbAsync(db => db.Users.Select(u => new { u.DisplayName, u.Email, u.RizivNumber }).ToListAsync());
        Assert.All(people, p =>
        {
            Assert.DoesNotContain(p.Email!, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"\"{p.DisplayName}\"", json, StringComparison.Ordinal);
            if (p.RizivNumber is not null)
                Assert.DoesNotContain(p.RizivNumber, json, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Export_OfDraftMinutes_HasNoDocumentReference_AndTheSameIdsEachTime()
    {
        var scenario = await MocScenario.HeldAsync(_app);

        var (first, _) = await ExportAsync(scenario.MeetingId);
        var (again, _) = await ExportAsync(scenario.MeetingId, "demo-datamanager.uzl");

        Assert.Empty(first.Entry.Select(e => e.Resource).OfType<DocumentReference>());
        Assert.All(first.Entry.Select(e => e.Resource).OfType<Procedure>(), p => Assert.Empty(p.Report));
        Assert.Equal(first.Entry.Select(e => e.FullUrl), again.Entry.Select(e => e.FullUrl));
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "minutes.fhir" && a.ObjectId == scenario.MeetingId.ToString())));
    }

    [Fact]
    public async Task Export_IsRefusedToObservers_AndForAMeetingNotClosed()
    {
        var scenario = await MocScenario.StartAsync(_app);
        using var observer = _app.ApiClient("demo-observer");
        using var clinician = _app.ApiClient("demo-clinician.uzl");

        var refused = await observer.GetAsync($"api/v1/meetings/{scenario.MeetingId}/fhir");
        var notClosed = await clinician.GetAsync($"api/v1/meetings/{scenario.MeetingId}/fhir");
        var missing = await clinician.GetAsync("api/v1/meetings/999999/fhir");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notClosed.StatusCode);
        Assert.Equal("application/problem+json", notClosed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
