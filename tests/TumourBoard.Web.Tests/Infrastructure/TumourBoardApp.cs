using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (loopback, free port) over its own PostgreSQL database, with the demo data seeded.
/// </summary>
public sealed partial class TumourBoardApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Tumour-Board-2026";

    private readonly string _connectionString;
    private readonly int _port = FreePort();

    private readonly Action<IServiceCollection>? _configureServices;

    public TumourBoardApp(string connectionString, Action<IServiceCollection>? configureServices = null)
    {
        _connectionString = connectionString;
        _configureServices = configureServices;
        MailFolder = Path.Combine(Path.GetTempPath(), "tb-mail-" + Guid.NewGuid().ToString("N")[..12]);
        UseKestrel(_port);
    }

    public string MailFolder { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public static async Task<TumourBoardApp> StartAsync(PostgresCluster cluster, Action<IServiceCollection>? configureServices = null)
    {
        var app = new TumourBoardApp(await cluster.CreateDatabaseAsync(), configureServices);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TumourBoard", _connectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("App:PublicBaseUrl", BaseAddress.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        if (_configureServices is not null)
            builder.ConfigureServices(_configureServices);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see every 302.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A client of the API as the owner of <paramref name="token"/> (none: anonymous).</summary>
    public HttpClient ApiClient(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the login form, as a browser would; returns the response to the form post.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password = DemoPassword)
    {
        var page = await client.GetStringAsync("Account/Login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("Account/Login", form);
    }

    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateBrowserlikeClient();
        var response = await PostLoginAsync(client, email);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A new account of its own, for a test that changes it (locks, deactivates) without touching the demo accounts.</summary>
    public async Task<AppUser> CreateUserAsync(string role, string? centreCode = "UZL", Discipline discipline = Discipline.PaediatricOncology)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? centreId = centreCode is null ? null : await WithDbAsync(db => db.Centres.Where(c => c.Code == centreCode).Select(c => (int?)c.Id).SingleAsync());
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.tumourboard.be";
        var user = new AppUser(email, $"Test {role}", centreId, discipline, BoardLanguage.English, DateTime.UtcNow);
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            throw new InvalidOperationException("Could not create the test user.");
        return user;
    }

    /// <summary>The actor of an existing account, as the services see it after sign-in.</summary>
    public Task<Actor> ActorAsync(string email) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var role = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).SingleAsync();
        return new Actor(user.Id, role, user.CentreId, user.Discipline);
    });

    public async Task<T> WithDbAsync<T>(Func<TumourBoardDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TumourBoardDbContext>>().CreateDbContextAsync();
        return await action(db);
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
            Directory.Delete(MailFolder, recursive: true);
    }
}
