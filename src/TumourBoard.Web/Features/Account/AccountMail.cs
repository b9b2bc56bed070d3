using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TumourBoard.Web.Data;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Account;

/// <summary>Account e-mails, written in the recipient's own language.</summary>
public sealed class AccountMail(MailSender mail, IStringLocalizer<SharedResource> text, IOptions<AppOptions> app) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        Send(user, email, "Mail.Confirm.Subject", "Mail.Confirm.Body", confirmationLink);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        Send(user, email, "Mail.Reset.Subject", "Mail.Reset.Body", resetLink);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        Send(user, email, "Mail.Reset.Subject", "Mail.Reset.Body", PasswordLink(user, resetCode));

    public Task SendInvitationAsync(AppUser user, string resetCode) =>
        Send(user, user.Email!, "Mail.Invite.Subject", "Mail.Invite.Body", PasswordLink(user, resetCode));

    /// <summary>The link to the page where the user sets a new password with the given reset code.</summary>
    public string PasswordLink(AppUser user, string resetCode) =>
        $"{app.Value.PublicBaseUrl.TrimEnd('/')}/Account/ResetPassword?email={UrlEncoder.Default.Encode(user.Email!)}&code={UrlEncoder.Default.Encode(resetCode)}";

    private async Task Send(AppUser user, string email, string subjectKey, string bodyKey, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(SupportedCultures.For(user.PreferredLanguage));
        try
        {
            await mail.SendAsync(email, text[subjectKey], text[bodyKey, user.DisplayName, link]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
