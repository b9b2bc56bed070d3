using Microsoft.AspNetCore.Components.Server.Circuits;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>
/// Tells a circuit's components when its connection comes back after a drop, so the meeting room re-reads its state
/// from the database instead of trusting what it showed before.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    public event Func<Task>? Restored;

    private bool _wasDown;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown || Restored is null)
            return;
        _wasDown = false;
        await Restored.Invoke();
    }
}
