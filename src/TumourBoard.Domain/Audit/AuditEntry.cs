using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumourBoard.Domain.Audit;

public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}

/// <summary>
/// One line of the append-only audit trail: who did what to which object, when, and with what outcome. Never the
/// content of a case. Each entry's hash covers its own fields and the previous entry's hash, so any later change to
/// a row breaks the chain from that row on.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, Guid? userId, int? centreId, string action, string? objectType, string? objectId, AuditOutcome outcome, string? clientAddress)
    {
        AtUtc = DateTime.SpecifyKind(new DateTime(atUtc.Ticks - atUtc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
        UserId = userId;
        CentreId = centreId;
        Action = action;
        ObjectType = objectType;
        ObjectId = objectId;
        Outcome = outcome;
        ClientAddress = clientAddress;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public Guid? UserId { get; private set; }

    public int? CentreId { get; private set; }

    /// <summary>Dotted action name, e.g. case.submit, auth.login.</summary>
    public string Action { get; private set; } = "";

    public string? ObjectType { get; private set; }

    public string? ObjectId { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? ClientAddress { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>
    /// True when the entry follows <paramref name="expectedPrevious"/> and its hash matches its fields. The database
    /// computes the hash on insert (migration AuditChainInDatabase) with this same formula; this checks it.
    /// </summary>
    public bool HashIsValid(string expectedPrevious) => PreviousHash == expectedPrevious && Hash == ComputeHash(PreviousHash);

    private string ComputeHash(string previousHash)
    {
        var content = string.Join('\u001f',
            previousHash,
            AtUtc.ToString("O", CultureInfo.InvariantCulture),
            UserId?.ToString() ?? "",
            CentreId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Action,
            ObjectType ?? "",
            ObjectId ?? "",
            Outcome.ToString(),
            ClientAddress ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
