using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Documents;
using TumourBoard.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TumourBoard.Web.Tests.Documents;

public sealed class DocumentRendererRegistrationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public void App_ProvidesOneRenderer_ThatFindsItsFontsInTheOutput()
    {
        var renderer = fixture.App.Services.GetRequiredService<IDocumentRenderer>();

        using var pdf = PdfDocument.Open(renderer.Render(SampleDocuments.Letter()));

        Assert.Same(renderer, fixture.App.Services.GetRequiredService<IDocumentRenderer>());
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Pagina 1 van 1", PdfReading.PageText(pdf.GetPage(1)));
    }
}
