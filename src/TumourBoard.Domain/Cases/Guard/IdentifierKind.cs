namespace TumourBoard.Domain.Cases.Guard;

/// <summary>The kinds of identifying data the guard keeps out of case text.</summary>
public enum IdentifierKind
{
    NationalNumber,
    Email,
    Url,
    IpAddress,
    Phone,
    Date,
    Address,
    RecordNumber,
    Name,
}
