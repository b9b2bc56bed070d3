namespace TumourBoard.Web.Features.Realtime;

/// <summary>
/// A component's reload on events, at most one at a time: events that arrive during a reload cause one more reload
/// after it, not one each. Two hundred votes in a few seconds then cost a page a handful of reads, and the event
/// dispatcher never waits for a page's database reads.
/// </summary>
/// <param name="invokeAsync">The component's <c>InvokeAsync</c>: the reload runs on its dispatcher.</param>
/// <param name="reloadAsync">Reads and renders.</param>
/// <param name="failAsync">The component's <c>DispatchExceptionAsync</c>.</param>
public sealed class CoalescedRefresh(Func<Func<Task>, Task> invokeAsync, Func<Task> reloadAsync, Func<Exception, Task> failAsync)
{
    // Only touched on the component's dispatcher, which runs one piece of work at a time.
    private bool _running;
    private bool _again;

    /// <summary>Asks for a reload and returns at once.</summary>
    public Task RequestAsync()
    {
        try
        {
            // RunAsync handles its own failures; what is left is a circuit going away, which has nothing to show.
            _ = invokeAsync(RunAsync).ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        catch (ObjectDisposedException)
        {
        }
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        try
        {
            do
            {
                _again = false;
                await reloadAsync();
            }
            while (_again);
        }
        catch (Exception ex)
        {
            await failAsync(ex);
        }
        finally
        {
            _running = false;
        }
    }
}
