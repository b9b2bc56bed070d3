using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.People;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Features.Trials;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

public sealed class TrialPagesTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        var uzl = await db.Centres.Where(c => c.Code == "UZL").Select(c => c.Id).SingleAsync();
        TrialContent Trial(string nct, string title, TrialStatus status, string iccc3) => new()
        {
            NctNumber = nct, Title = title, Phase = TrialPhase.I, Status = status, MinAgeYears = 1, MaxAgeYears = 17, MaxAgeMonths = 11,
            Iccc3Codes = [iccc3], Markers = iccc3 == "IVa" ? ["ALK"] : [], SiteCentreIds = [uzl], Contact = "Trial office",
        };
        db.Trials.AddRange(
            ClinicalTrial.Register(Trial("NCT05876543", "ALK inhibitor in relapsed neuroblastoma", TrialStatus.Open, "IVa"), DateTime.UtcNow),
            ClinicalTrial.Register(Trial("NCT05234567", "Menin inhibitor in KMT2A-rearranged leukaemia", TrialStatus.Suspended, "Ib"), DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<TrialsPage> page) =>
        page.FindAll("[data-testid=trial-table] tbody tr a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void TrialsPage_ForAClinician_ListsTheCatalogue_WithoutTheCoordinatorsButtons()
    {
        SignIn(Roles.Clinician, 1);

        var page = Render<TrialsPage>();

        page.WaitForAssertion(() => Assert.Equal(["ALK inhibitor in relapsed neuroblastoma", "Menin inhibitor in KMT2A-rearranged leukaemia"], Titles(page)));
        Assert.Contains("NCT05876543", page.Find("[data-testid=trial-table]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=trial-new]"));
        Assert.Empty(page.FindAll("[data-testid=trials-import]"));
        Assert.NotNull(page.Find("[data-testid=trials-export]"));
    }

    [Fact]
    public void TrialsPage_Search_NarrowsTheList()
    {
        SignIn(Roles.Observer, 1);
        var page = Render<TrialsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Titles(page).Count));

        page.Find("input[data-testid=trials-search]").Input("kmt2a");

        page.WaitForAssertion(() => Assert.Equal(["Menin inhibitor in KMT2A-rearranged leukaemia"], Titles(page)));
    }

    [Fact]
    public async Task TrialsPage_ImportWithABrokenRow_ListsTheLineAndReason_AndImportsNothing()
    {
        SignIn(Roles.Coordinator);
        var page = Render<TrialsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Titles(page).Count));
        var csv = string.Join(';', TrialCsv.Columns) + "\r\n"
            + ";NCT07111111;A good row;I;Open;1;0;17;11;VI;;;UZL;Office\r\n"
            + ";NCT07222222;Ages upside down;I;Open;12;0;2;0;VI;;;UZL;Office\r\n";

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "trials.csv"));

        page.WaitForAssertion(() => Assert.Equal("Line 3 (max_age_years): The upper age is below the lower age.", page.Find("[data-testid=import-problem]").TextContent.Trim()));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Equal(2, await db.Trials.CountAsync());
    }

    [Fact]
    public async Task TrialEditPage_WithABadNumberAndAgesUpsideDown_ShowsEachProblemInline_AndSavesNothing()
    {
        SignIn(Roles.Coordinator);
        var page = Render<TrialEditPage>();
        page.WaitForElement("input[data-testid=trial-nct]");

        page.Find("input[data-testid=trial-euct]").Input("2023-12345-21-00");
        page.Find("input[data-testid=trial-title]").Change("A trial with problems");
        page.Find("input[data-testid=trial-min-years]").Change("12");
        page.Find("input[data-testid=trial-max-years]").Change("3");
        page.Find("[data-testid=trial-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Correct the fields marked in red", page.Find("[data-testid=form-error]").TextContent));
        var text = page.Markup;
        Assert.Contains("Not an EU CT number such as 2023-503456-21-00.", text);
        Assert.Contains("The upper age is below the lower age.", text);
        Assert.Contains("Name at least one ICCC-3 group or morphology code.", text);
        Assert.Contains("Choose at least one Belgian site.", text);
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Equal(2, await db.Trials.CountAsync());
    }

    [Fact]
    public void TrialEditPage_ForAClinician_IsRefused()
    {
        SignIn(Roles.Clinician, 1);

        var page = Render<TrialEditPage>();

        page.WaitForAssertion(() => Assert.Contains("You are not allowed to do this.", page.Find("[data-testid=load-error]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=trial-save]"));
    }

    [Fact]
    public async Task TrialDetailsPage_CoordinatorSuspendsAnOpenTrial()
    {
        SignIn(Roles.Coordinator);
        int id;
        await using (var db = await DbFactory.CreateDbContextAsync())
            id = await db.Trials.Where(t => t.NctNumber == "NCT05876543").Select(t => t.Id).SingleAsync();
        var page = Render<TrialDetailsPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=trial-status-suspended]");

        page.Find("[data-testid=trial-status-suspended]").Click();

        page.WaitForAssertion(() => Assert.Equal("Suspended", page.Find("[data-testid=trial-status]").TextContent.Trim()));
        await using var check = await DbFactory.CreateDbContextAsync();
        Assert.Equal(TrialStatus.Suspended, await check.Trials.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());
    }
}
