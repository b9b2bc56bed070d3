using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>The message to show a user for a refused operation, in their language.</summary>
    public static string Explain(this IStringLocalizer localizer, Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => localizer["Concurrency.Changed"],
        _ when exception.IsDatabaseUnavailable() => localizer["Api.DatabaseUnavailable"],
        DomainException domain when !localizer[domain.Code].ResourceNotFound => localizer[domain.Code],
        DomainException domain => domain.Message,
        _ => localizer["Error.Text"],
    };

    /// <summary>True for the failures a user can cause and should be told about; anything else is a bug.</summary>
    public static bool IsUserFacing(this Exception exception) =>
        exception is DomainException or DbUpdateConcurrencyException || exception.IsDatabaseUnavailable();
}
