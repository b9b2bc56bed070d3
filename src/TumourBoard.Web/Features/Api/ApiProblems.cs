using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.Trials;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Api;

/// <summary>
/// Turns the refusals of feature services into ProblemDetails, so every API error a caller can cause is a 4xx
/// with a reason; anything else is left to the exception handler (500, logged without content).
/// </summary>
public sealed class ApiProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IdentifyingDataException ex)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The case contains identifying data.",
                detail: "Remove every finding listed; nothing was stored.",
                type: "https://tumourboard.be/problems/identifying-data",
                extensions: new Dictionary<string, object?>
                {
                    ["findings"] = ex.Findings.Select(f => new
                    {
                        field = f.Field,
                        kind = f.Finding.Kind.ToString(),
                        start = f.Finding.Start,
                        length = f.Finding.Length,
                        suggestedFix = f.Finding.SuggestedFix,
                    }).ToList(),
                });
        }
        catch (CaseValidationException ex)
        {
            return Results.ValidationProblem(
                ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()),
                title: "The case has invalid or missing fields.");
        }
        catch (TrialValidationException ex)
        {
            return Results.ValidationProblem(
                ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()),
                title: "The trial has invalid or missing fields.");
        }
        catch (TrialImportException ex)
        {
            var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file has bad rows; nothing was imported.",
                detail: "Correct every row listed and import the whole file again.",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = ex.Code,
                    ["errors"] = ex.Problems.Select(p => new { line = p.Line, column = p.Column, code = p.Code, message = localizer[p.Code].Value }).ToList(),
                });
        }
        catch (Meetings.MeetingNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        catch (CaseNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        catch (AccessDeniedException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You are not allowed to do this.");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone else changed this in the meantime; read it again.",
                extensions: new Dictionary<string, object?> { ["code"] = "Concurrency.Changed" });
        }
        catch (Infrastructure.RateLimitedException ex)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(ex.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: ex.Message,
                extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
        }
        catch (DomainException ex)
        {
            // Something named that does not exist (…NotFound): 404. A body over a limit (…TooLarge): 413. A malformed request (…Invalid, …Required): 400.
            // Anything else refuses a change the current state does not allow: 409.
            var status = ex.Code.EndsWith("NotFound", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
                : ex.Code.EndsWith("TooLarge", StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge
                : ex.Code.EndsWith("Invalid", StringComparison.Ordinal) || ex.Code.EndsWith("Required", StringComparison.Ordinal) || ex.Code.EndsWith("InThePast", StringComparison.Ordinal)
                    ? StatusCodes.Status400BadRequest
                    : StatusCodes.Status409Conflict;
            return Results.Problem(statusCode: status, title: ex.Message,
                extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
        }
    }
}

public static class ApiRoutes
{
    public const string Policy = "Api";

    /// <summary>The versioned API: bearer tokens only, every refusal a ProblemDetails, small bodies.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .AddEndpointFilter<ApiProblems>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        return api;
    }

    public const long MaxBodyBytes = 256 * 1024;

    public static Actor ActorOf(HttpContext context) =>
        context.User.ToActor() ?? throw new AccessDeniedException();
}
