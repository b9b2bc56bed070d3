using System.Security.Cryptography;
using System.Text;

namespace TumourBoard.Web.Features.Tokens;

/// <summary>
/// A token a user creates to call the API from their centre's systems. Only its SHA-256 is stored; the value is
/// shown once, at creation. It acts with its owner's role and centre, and stops working when revoked or expired.
/// </summary>
public sealed class PersonalAccessToken
{
    public const int MaxNameLength = 80;
    public const string ValuePrefix = "tb_";

    private PersonalAccessToken() { }

    public PersonalAccessToken(Guid userId, string name, string hash, string hint, DateTime createdAtUtc, DateTime? expiresAtUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Name = name;
        Hash = hash;
        Hint = hint;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>The first characters of the value, so the owner can tell tokens apart.</summary>
    public string Hint { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ExpiresAtUtc { get; private set; }

    public DateTime? LastUsedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsUsableAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    public static string HashOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static string NewValue() => ValuePrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
