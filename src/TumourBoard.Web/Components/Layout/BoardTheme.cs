using MudBlazor;

namespace TumourBoard.Web.Components.Layout;

public static class BoardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5F8B",
            Secondary = "#2E8B74",
            AppbarBackground = "#1F5F8B",
            Background = "#F6F8FA",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6FA8D6",
            Secondary = "#5FC3A6",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
