using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Minutes;

public sealed class MinutesWarmUpTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private sealed class Recording : ILogger<MinutesWarmUp>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
                Warnings.Add(formatter(state, exception) + exception);
        }
    }

    [Fact]
    public async Task WarmUp_RunsTheExportsQueriesAndRendersEachLanguage_WithoutWritingAnything()
    {
        var services = fixture.App.Services;
        var logger = new Recording();
        var before = await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync());
        var warmUp = new MinutesWarmUp(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<MinutesDocument>(), TimeProvider.System, logger);

        await warmUp.StartAsync(CancellationToken.None);

        Assert.Empty(logger.Warnings);
        Assert.Equal(before, await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await fixture.App.WithDbAsync(db => db.Minutes.AnyAsync(m => m.MeetingId == 0)));
    }
}
