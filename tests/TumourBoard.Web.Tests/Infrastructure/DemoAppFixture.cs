namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>One running app with the demo data for all the tests of a class; tests must not depend on each other's changes.</summary>
public sealed class DemoAppFixture(PostgresCluster cluster) : IAsyncLifetime
{
    public TumourBoardApp App { get; private set; } = default!;

    public async ValueTask InitializeAsync() => App = await TumourBoardApp.StartAsync(cluster);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
