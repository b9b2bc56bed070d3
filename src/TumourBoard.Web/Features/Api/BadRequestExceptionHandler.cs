using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Api;

/// <summary>
/// A request the server cannot read (malformed or oversize body, wrong types) is the caller's error: it answers with
/// the request's own status code (400, 413) as ProblemDetails, never 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read: check the JSON body and the query parameters against the documented formats and types.",
            },
        });
    }
}

/// <summary>
/// PostgreSQL unreachable (restarting, network cut) anywhere in an API request, the token check included: 503 with a
/// reason, so clients retry; nothing was committed.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!exception.IsDatabaseUnavailable())
            return false;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = DatabaseFailures.UnavailableMessage,
                Extensions = { ["code"] = DatabaseFailures.UnavailableCode },
            },
        });
    }
}
