using TumourBoard.Web.Features.Sessions;

namespace TumourBoard.Web.Tests.Features.Sessions;

public sealed class ClientDescriptionTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge · Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari · macOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome · Linux")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari · iOS")]
    [InlineData("Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox · Android")]
    [InlineData("curl/8.5.0", "")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) SomeBrowser/1.0", "Linux")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NamesTheBrowserAndItsSystem(string? userAgent, string expected) =>
        Assert.Equal(expected, ClientDescription.Of(userAgent));
}

public sealed class CircuitCounterTests
{
    [Fact]
    public void AdmitsUpToTheLimit_PerPerson_AndAgainOnceOneCloses()
    {
        var counter = new CircuitCounter();
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();

        Assert.True(counter.TryAdmit(alice, 2));
        Assert.True(counter.TryAdmit(alice, 2));
        Assert.False(counter.TryAdmit(alice, 2));
        Assert.True(counter.TryAdmit(bob, 2));

        counter.Release(alice);
        Assert.Equal(1, counter.OpenFor(alice));
        Assert.True(counter.TryAdmit(alice, 2));
        counter.Release(alice);
        counter.Release(alice);
        Assert.Equal(0, counter.OpenFor(alice));
    }

    [Fact]
    public void ReconnectingCircuit_IsCountedAgain_EvenAboveTheLimit()
    {
        var counter = new CircuitCounter();
        var person = Guid.NewGuid();
        Assert.True(counter.TryAdmit(person, 1));
        counter.Release(person);
        Assert.True(counter.TryAdmit(person, 1));

        counter.Readmit(person);

        Assert.Equal(2, counter.OpenFor(person));
        Assert.False(counter.TryAdmit(person, 2));
    }

    [Fact]
    public async Task CountsExactly_WhenCircuitsOpenAndCloseConcurrently()
    {
        var counter = new CircuitCounter();
        var person = Guid.NewGuid();

        var admitted = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => counter.TryAdmit(person, 100))));
        Assert.Equal(100, admitted.Count(a => a));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => counter.Release(person))));
        Assert.Equal(0, counter.OpenFor(person));
    }
}
