using TumourBoard.Domain.Audit;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Audit;

public static class AuditEndpoints
{
    /// <summary>The CSV export of the audit trail for the signed-in administrator (the audit page links it).</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/audit.csv", async (DateTime? from, DateTime? to, string? action, AuditOutcome? outcome, string? user, HttpContext http, AuditService audit) =>
        {
            var actor = http.User.ToActor() ?? throw new TumourBoard.Domain.People.AccessDeniedException();
            var filter = new AuditFilter(from?.ToUniversalTime(), to?.ToUniversalTime(), action, outcome, user);
            // Refused before anything is written, so a refusal is a clean 403 and not a half-written file.
            TumourBoard.Domain.People.Access.Demand(TumourBoard.Domain.People.Access.CanReadAuditTrail(actor));
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyy-MM-dd}.csv\"";
            await audit.ExportCsvAsync(actor, filter, http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }).AddEndpointFilter<ApiProblems>().ExcludeFromDescription();
}
