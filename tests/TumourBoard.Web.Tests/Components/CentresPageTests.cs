using Bunit;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

public sealed class CentresPageTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    [Fact]
    public void CentresPage_ForAnAdmin_ListsTheSeededCentres()
    {
        SignIn(Roles.Admin);

        var page = Render<CentresPage>();

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=centre-table] tbody tr").Count));
        Assert.Contains("HUDERF", page.Find("[data-testid=centre-table]").TextContent);
    }

    [Fact]
    public async Task AddCentre_WithAnExistingCode_ShowsTheReasonInlineAndAddsNothing()
    {
        SignIn(Roles.Admin);
        var page = Render<CentresPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=centre-table] tbody tr")));

        page.Find("[data-testid=centre-add]").Click();
        // MudButton's click handler is asynchronous: the form may render after Click returns.
        page.WaitForElement("input[data-testid=centre-code]");
        page.Find("input[data-testid=centre-code]").Change("UZL");
        page.Find("input[data-testid=centre-name]").Change("Another Leuven");
        page.Find("input[data-testid=centre-city]").Change("Leuven");
        page.Find("[data-testid=centre-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("A centre with this code exists already.", page.Find("[data-testid=form-error]").TextContent));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Equal(7, await db.Centres.CountAsync());
    }

    [Fact]
    public async Task AddCentre_TheEighth_AppearsInTheTable()
    {
        SignIn(Roles.Admin);
        var page = Render<CentresPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=centre-table] tbody tr")));

        page.Find("[data-testid=centre-add]").Click();
        // MudButton's click handler is asynchronous: the form may render after Click returns.
        page.WaitForElement("input[data-testid=centre-code]");
        page.Find("input[data-testid=centre-code]").Change("chn");
        page.Find("input[data-testid=centre-name]").Change("Centre Hospitalier de Namur");
        page.Find("input[data-testid=centre-city]").Change("Namur");
        page.Find("[data-testid=centre-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=centre-table] tbody tr").Count));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.True(await db.Centres.AnyAsync(c => c.Code == "CHN"));
    }
}
