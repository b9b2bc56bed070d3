using Bunit;
using Microsoft.AspNetCore.Components;
using TumourBoard.Domain.People;
using TumourBoard.Web.Components.Layout;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

public sealed class MainLayoutTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    [Fact]
    public void Layout_ForAnAdmin_ShowsTheAdministrationLinks()
    {
        SignIn(Roles.Admin, name: "Ada Admin");

        var layout = RenderLayout();

        var nav = layout.Find("[data-testid=nav]").TextContent;
        Assert.Contains("Centres", nav);
        Assert.Contains("Users", nav);
        Assert.DoesNotContain("Meetings", nav);
        Assert.Contains("page body", layout.Markup);
    }

    [Fact]
    public void Layout_ForAClinician_ShowsMeetingsButNoAdministration()
    {
        SignIn(Roles.Clinician, centreId: 1);

        var nav = RenderLayout().Find("[data-testid=nav]").TextContent;

        Assert.Contains("Dashboard", nav);
        Assert.Contains("Meetings", nav);
        Assert.DoesNotContain("Users", nav);
    }

    [Fact]
    public void Layout_InDutch_ShowsDutchNavigation()
    {
        UseCulture("nl-BE");
        SignIn(Roles.Coordinator);

        var nav = RenderLayout().Find("[data-testid=nav]").TextContent;

        Assert.Contains("Vergaderingen", nav);
        Assert.Contains("Dashboard", nav);
    }

    [Fact]
    public void ThemeToggle_Clicked_SwitchesToDarkMode()
    {
        SignIn(Roles.Observer, centreId: 1);
        var layout = RenderLayout();
        string ToggleIcon() => layout.FindComponents<MudBlazor.MudIconButton>()
            .Single(b => b.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, "theme-toggle")).Instance.Icon!;
        layout.WaitForAssertion(() => Assert.False(layout.Find("[data-testid=theme-toggle]").HasAttribute("disabled")));
        var before = ToggleIcon();

        layout.Find("[data-testid=theme-toggle]").Click();

        // In dark mode the toggle offers the way back to light.
        Assert.Equal(MudBlazor.Icons.Material.Filled.DarkMode, before);
        layout.WaitForAssertion(() => Assert.Equal(MudBlazor.Icons.Material.Filled.LightMode, ToggleIcon()));
    }
}
