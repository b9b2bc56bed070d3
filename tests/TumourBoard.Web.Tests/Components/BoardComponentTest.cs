using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Preferences;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

/// <summary>
/// bUnit set-up shared by component tests: MudBlazor without transitions, loose JS interop, the real feature services
/// on a database of the test's own, English UI unless a test chooses otherwise.
/// </summary>
public abstract class BoardComponentTest(PostgresCluster cluster) : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    private BunitAuthorizationContext _auth = default!;

    protected IDbContextFactory<TumourBoardDbContext> DbFactory { get; private set; } = default!;

    public virtual async ValueTask InitializeAsync()
    {
        UseCulture("en-BE");
        JSInterop.Mode = JSRuntimeMode.Loose;
        var connectionString = await cluster.CreateDatabaseAsync();
        Services.AddDbContextFactory<TumourBoardDbContext>(o => o.UseNpgsql(connectionString));
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<BrusselsClock>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<PreferencesService>();
        Services.AddScoped<CentreAdminService>();
        Services.AddScoped<MeetingService>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<TumourBoard.Web.Features.Audit.AuditTrail>();
        Services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Development" });
        Services.Configure<MailOptions>(o => o.PickupDirectory = Path.Combine(Path.GetTempPath(), "tb-bunit-mail"));
        Services.AddSingleton<MailSender>();
        Services.AddScoped<TumourBoard.Web.Features.Notifications.NotificationService>();
        Services.AddSingleton<TumourBoard.Web.Features.Realtime.BoardEvents>();
        Services.AddSingleton<TumourBoard.Web.Documents.IDocumentRenderer, TumourBoard.Web.Documents.SkiaPdfRenderer>();
        Services.AddSingleton<TumourBoard.Web.Features.Minutes.MinutesDocument>();
        Services.AddScoped<TumourBoard.Web.Features.Minutes.MinutesService>();
        Services.AddScoped<TumourBoard.Web.Features.Trials.TrialService>();
        Services.AddScoped<TumourBoard.Web.Features.FollowUps.FollowUpService>();
        Services.AddSingleton<TumourBoard.Web.Features.Sessions.CircuitCounter>();
        Services.AddScoped<TumourBoard.Web.Features.Sessions.CircuitAdmission>();
        Services.Configure<TumourBoard.Web.Infrastructure.SignInRules>(_ => { });
        _auth = AddAuthorization();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        DbFactory = Services.GetRequiredService<IDbContextFactory<TumourBoardDbContext>>();
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Centres.AddRange(ReferenceDataSeeder.ReadCentres());
        await db.SaveChangesAsync();
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    /// <summary>Signs in a fictitious user with the given role (and centre, for centre roles).</summary>
    protected Actor SignIn(string role, int? centreId = null, string name = "Test User", Guid? userId = null)
    {
        var actor = new Actor(userId ?? Guid.NewGuid(), role, centreId, Discipline.PaediatricOncology);
        var auth = _auth;
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId.ToString()),
            new(BoardClaims.DisplayName, name),
            new(BoardClaims.Discipline, actor.Discipline.ToString()),
        };
        if (centreId is { } c)
            claims.Add(new Claim(BoardClaims.Centre, c.ToString(CultureInfo.InvariantCulture)));
        auth.SetClaims([.. claims]);
        return actor;
    }

    public new async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        await base.DisposeAsync();
    }
}
