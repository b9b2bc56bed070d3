using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TumourBoard.Web.Components;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Api;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Calendar;
using TumourBoard.Web.Features.Exports;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.FollowUps;
using TumourBoard.Web.Features.Fhir;
using TumourBoard.Web.Features.Preferences;
using TumourBoard.Web.Features.Statistics;
using TumourBoard.Web.Features.Trials;

namespace TumourBoard.Web.Infrastructure;

public static class Pipeline
{
    public static void UseTumourBoard(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), web =>
        {
            web.UseExceptionHandler("/Error", createScopeForErrors: true);
            web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();

        // Routing after the error and status-code handlers, so that a re-executed request (/not-found, /Error)
        // is routed again and finds its page.
        app.UseRouting();
        app.UseRateLimiter();

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth }).AllowAnonymous();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapApi();
        api.MapCentreEndpoints();
        api.MapCaseEndpoints();
        api.MapPresenterEndpoints();
        api.MapMeetingEndpoints();
        api.MapLiveBoardEndpoints();
        api.MapMinutesEndpoints();
        api.MapStatisticsEndpoints();
        api.MapExportEndpoints();
        api.MapTrialEndpoints();
        api.MapFollowUpEndpoints();
        api.MapFhirEndpoints();
        api.MapProfileEndpoints();
        app.MapHub<MeetingHub>(MeetingHub.Path);
        app.MapCalendarEndpoints();
        app.MapMinutesDownloads();
        app.MapStatisticsDownloads();
        app.MapExportDownloads();
        app.MapFhirDownload();
        app.MapAuditEndpoints();
        app.MapTrialDownloads();
        app.MapAccountEndpoints();
        app.MapPreferenceEndpoints();
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    private static Task WriteHealth(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
