using TumourBoard.Web.Features.Realtime;

namespace TumourBoard.Web.Tests.Features.Realtime;

public sealed class CoalescedRefreshTests
{
    // Blazor's own dispatcher: one piece of work at a time, other work let in while one awaits.
    private readonly Microsoft.AspNetCore.Components.Dispatcher _dispatcher = Microsoft.AspNetCore.Components.Dispatcher.CreateDefault();

    [Fact]
    public async Task Requests_DuringAReload_CauseOneMoreReloadNotOneEach()
    {
        var reloads = 0;
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refresh = new CoalescedRefresh(_dispatcher.InvokeAsync, async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
            {
                firstHeld.SetResult();
                await release.Task;
            }
            else
                done.TrySetResult();
        }, _ => Task.CompletedTask);

        await refresh.RequestAsync();
        await firstHeld.Task.WaitAsync(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 5; i++)
            await refresh.RequestAsync();
        await Task.Delay(100);
        release.SetResult();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(100);

        Assert.Equal(2, reloads);
    }

    [Fact]
    public async Task RequestAsync_ReturnsBeforeTheReloadFinishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refresh = new CoalescedRefresh(_dispatcher.InvokeAsync, () => release.Task, _ => Task.CompletedTask);

        var request = refresh.RequestAsync();

        Assert.True(request.IsCompleted);
        release.SetResult();
    }

    [Fact]
    public async Task FailedReload_GoesToTheComponentsErrorHandler_AndTheNextRequestReloadsAgain()
    {
        var failures = new List<Exception>();
        var attempts = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refresh = new CoalescedRefresh(_dispatcher.InvokeAsync, () =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
                throw new InvalidOperationException("database away");
            second.SetResult();
            return Task.CompletedTask;
        }, ex =>
        {
            failures.Add(ex);
            return Task.CompletedTask;
        });

        await refresh.RequestAsync();
        await Task.Delay(100);
        await refresh.RequestAsync();
        await second.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.IsType<InvalidOperationException>(Assert.Single(failures));
    }
}
