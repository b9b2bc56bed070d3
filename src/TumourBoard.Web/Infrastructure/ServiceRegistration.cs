using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using TumourBoard.Web.Data;
using TumourBoard.Web.Documents;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Features.Api;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Calendar;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.Sessions;
using TumourBoard.Web.Features.FollowUps;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Features.Moc;
using TumourBoard.Web.Features.Fhir;
using TumourBoard.Web.Features.Notifications;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Features.Preferences;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Infrastructure;

public static class ServiceRegistration
{
    public static void AddTumourBoard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddOptions<LiveBoardOptions>().Bind(configuration.GetSection(LiveBoardOptions.Section))
            .Validate(o => o.HeartbeatSeconds > 0 && o.PresenceTimeoutSeconds >= 2 * o.HeartbeatSeconds,
                "LiveBoard:PresenceTimeoutSeconds must be at least twice LiveBoard:HeartbeatSeconds, which must be positive.")
            .ValidateOnStart();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.Configure<SignInRules>(configuration.GetSection(SignInRules.Section));
        services.AddTumourBoardRateLimits();
        // Behind the load balancer the client's address (audit trail, rate limits) comes from the trusted proxy's header.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection(AppOptions.Section).Get<AppOptions>()?.TrustedProxies ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddSingleton(TimeProvider.System);

        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);

        var connectionString = configuration.GetConnectionString("TumourBoard");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Set the connection string ConnectionStrings:TumourBoard (environment: ConnectionStrings__TumourBoard).");
        // One data source for the app's pool, so that a restart of PostgreSQL can drop its broken connections at once.
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<DatabaseRetry>();
        services.AddDbContextFactory<TumourBoardDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        // Identity's stores and Data Protection resolve a scoped context; they get one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TumourBoardDbContext>>().CreateDbContext());

        services.AddDataProtection()
            .SetApplicationName("TumourBoard")
            .PersistKeysToDbContext<TumourBoardDbContext>();

        AddIdentity(services);

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new BelgianAcceptLanguageProvider()];
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Unreadable requests raise BadHttpRequestException in every environment; BadRequestExceptionHandler answers them.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<EventRelayCheck>("events", tags: ["ready"]);

        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiDocumentDescription>());
        services.AddSingleton<MailSender>();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IDocumentRenderer, SkiaPdfRenderer>();
        services.AddSingleton<IEmailSender<AppUser>>(sp => sp.GetRequiredService<AccountMail>());
        services.AddScoped<BrusselsClock>();
        services.AddScoped<PreferencesService>();
        services.AddScoped<CentreAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<LiveBoardService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<MocService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<FhirExport>();
        services.AddSingleton<MinutesDocument>();
        services.AddHostedService<MinutesWarmUp>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitAdmission>());
        services.AddSingleton<InstancePresence>();
        services.AddSingleton<RoomFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<RoomFeed>());
        services.AddHostedService<PresenceKeeper>();
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        services.AddSingleton<BoardEvents>();
        services.AddSingleton<PostgresEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventRelay>());
        services.AddScoped<TokenService>();
        services.AddMemoryCache();
        services.AddScoped<TumourBoard.Web.Features.Sessions.SessionService>();
        services.AddScoped<CaseService>();
        services.AddScoped<TumourBoard.Web.Features.Statistics.BoardFiguresService>();
        services.AddScoped<TumourBoard.Web.Features.Exports.RegistryExportService>();
        services.AddScoped<TumourBoard.Web.Features.Trials.TrialService>();
        services.AddScoped<FollowUpService>();
        services.AddHostedService<FollowUpReminder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddHostedService<WeeklyMeetingKeeper>();
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = BoardScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(BoardScheme, "Cookie or bearer token", o =>
                // The API speaks tokens only, also for paths no endpoint matches (so those answer 404, not 401).
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Path.StartsWithSegments("/api")
                    || (ctx.Request.Path.StartsWithSegments("/hubs") && (ctx.Request.Headers.Authorization.Count > 0 || ctx.Request.Query.ContainsKey("access_token")))
                        ? TokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TumourBoardDbContext>()
            .AddSignInManager<BoardSignInManager>()
            .AddClaimsPrincipalFactory<BoardClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "TumourBoard.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // The cookie lives as long as the longest sign-in; the server-side session ends it earlier when idle,
            // revoked or signed out (decision 0022).
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnSigningIn = SignInSessions.OnSigningInAsync;
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = ctx => SignInSessions.OnValidatePrincipalAsync(ctx, validateStamp);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A deactivated user, or one whose password or roles changed, is signed out within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The principal rebuilt after that check keeps the session it belongs to.
            o.OnRefreshingPrincipal = SignInSessions.KeepSession;
        });

        services.AddAuthorization(o =>
        {
            // Deny by default: only endpoints marked [AllowAnonymous] are public.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(ApiRoutes.Policy, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        });
    }

    private const string BoardScheme = "TumourBoard";

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
