using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace TumourBoard.Web.Infrastructure;

/// <summary>
/// Sends e-mail through SMTP when a host is configured; otherwise writes each message as an .eml file to the pickup
/// directory, which is how Development shows what would have been sent.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailSender> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken ct = default)
    {
        var o = options.Value;
        using var message = new MailMessage(o.From, to, subject, textBody)
        {
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            // Quoted-printable keeps the .eml files of Development readable, links included.
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = Path.GetFullPath(o.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpUseTls;
            if (!string.IsNullOrEmpty(o.SmtpUser))
                client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }
        await client.SendMailAsync(message, ct);
        // The address is personal data: the log says that a message went out, not to whom.
        logger.LogInformation("Mail sent ({Delivery})", client.DeliveryMethod);
    }
}
