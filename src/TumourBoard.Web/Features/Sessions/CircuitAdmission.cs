using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Sessions;

/// <summary>
/// Counts the interactive pages (circuits) each person has connected to this instance. Each costs server memory and
/// a connection; a script or a stuck browser opening page after page must not exhaust them. Pages waiting to
/// reconnect are not counted: Blazor bounds those itself (how many, and for how long).
/// </summary>
public sealed class CircuitCounter
{
    private readonly ConcurrentDictionary<Guid, int> _open = new();

    public int OpenFor(Guid userId) => _open.GetValueOrDefault(userId);

    /// <summary>Counts one more circuit for the user unless they have <paramref name="limit"/> open already.</summary>
    public bool TryAdmit(Guid userId, int limit) => TryAdd(userId, limit);

    /// <summary>Counts a circuit that reconnected: it was admitted before, and is not turned away now.</summary>
    public void Readmit(Guid userId) => TryAdd(userId, int.MaxValue);

    public void Release(Guid userId)
    {
        while (_open.TryGetValue(userId, out var open))
        {
            if (open <= 1 ? _open.TryRemove(new KeyValuePair<Guid, int>(userId, open)) : _open.TryUpdate(userId, open - 1, open))
                return;
        }
    }

    private bool TryAdd(Guid userId, int limit)
    {
        while (true)
        {
            var open = _open.GetValueOrDefault(userId);
            if (open >= limit)
                return false;
            if (open == 0 ? _open.TryAdd(userId, 1) : _open.TryUpdate(userId, open + 1, open))
                return true;
        }
    }
}

/// <summary>
/// Admits a circuit when it first connects, before its page renders; a refused one shows the layout's "too many
/// pages" message instead of the page, so it subscribes to nothing and reads nothing.
/// </summary>
public sealed class CircuitAdmission(CircuitCounter counter, AuthenticationStateProvider authentication, IOptionsMonitor<SignInRules> rules) : CircuitHandler
{
    private bool _decided;
    private Guid? _user;
    private bool _counted;

    public bool Refused { get; private set; }

    public int Limit => rules.CurrentValue.CircuitsPerUser;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_decided)
        {
            _decided = true;
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                return;
            _user = userId;
            _counted = counter.TryAdmit(userId, Limit);
            Refused = !_counted;
            return;
        }
        if (_user is { } id && !Refused && !_counted)
        {
            counter.Readmit(id);
            _counted = true;
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Uncount();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Uncount();
        return Task.CompletedTask;
    }

    private void Uncount()
    {
        if (_counted && _user is { } id)
            counter.Release(id);
        _counted = false;
    }
}
