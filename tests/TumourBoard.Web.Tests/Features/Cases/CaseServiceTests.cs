using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Cases;

public sealed class CaseServiceTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>, IAsyncLifetime
{
    private readonly TumourBoardApp _app = fixture.App;
    private AsyncServiceScope _scope;

    private CaseService Cases => _scope.ServiceProvider.GetRequiredService<CaseService>();

    public ValueTask InitializeAsync()
    {
        _scope = _app.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    private static CaseContent Content(string question = "Proton therapy or photons?") => new()
    {
        AgeYears = 5, Sex = Sex.Female, DiagnosisLabel = "Ependymoma, posterior fossa", Morphology = "9391/3", Topography = "C71.7",
        DiseaseStatus = DiseaseStatus.NewDiagnosis, Question = question, Options = [new OptionContent("Proton therapy"), new OptionContent("Photon IMRT")],
        ConsentConfirmed = true,
    };

    [Fact]
    public async Task Edit_OnAStaleView_IsRefusedAndTheFirstEditStays()
    {
        var clinician = await _app.ActorAsync("clinician.uza@demo.tumourboard.be");
        var (id, _) = await Cases.CreateDraftAsync(clinician, Content(), null);
        var seen = await Cases.GetAsync(clinician, id);

        await Cases.UpdateAsync(clinician, id, Content("First edit: proton therapy?"), null, seen.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Cases.UpdateAsync(clinician, id, Content("Second edit"), null, seen.Version));

        Assert.Equal("First edit: proton therapy?", (await Cases.GetAsync(clinician, id)).Content.Question);
    }

    [Fact]
    public async Task Draft_IsInvisibleToOtherCentres_AndToAdmins()
    {
        var author = await _app.ActorAsync("datamanager.uza@demo.tumourboard.be");
        var (id, _) = await Cases.CreateDraftAsync(author, Content(), "local 42");

        await Assert.ThrowsAsync<CaseNotFoundException>(() => Cases.GetAsync(_app.ActorAsync("clinician.uzl@demo.tumourboard.be").Result, id));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Cases.GetAsync(_app.ActorAsync("coordinator@demo.tumourboard.be").Result, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.ListAsync(_app.ActorAsync("admin@demo.tumourboard.be").Result, new CaseFilter()));
        Assert.DoesNotContain(await Cases.ListAsync(await _app.ActorAsync("clinician.uzl@demo.tumourboard.be"), new CaseFilter()), c => c.Id == id);
        Assert.Contains(await Cases.ListAsync(await _app.ActorAsync("clinician.uza@demo.tumourboard.be"), new CaseFilter()), c => c.Id == id);
    }

    [Fact]
    public async Task Observer_ReadsSubmittedCasesButCannotWriteOne()
    {
        var clinician = await _app.ActorAsync("clinician.uza@demo.tumourboard.be");
        var observer = await _app.ActorAsync("observer@demo.tumourboard.be");
        var (id, _) = await Cases.CreateDraftAsync(clinician, Content(), null);
        await Cases.SubmitAsync(clinician, id, null);

        var seen = await Cases.GetAsync(observer, id);

        Assert.False(seen.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.CreateDraftAsync(observer, Content(), null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.WithdrawAsync(observer, id, null, null));
    }
}
