using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumourBoard.Web.Data;

/// <summary>
/// Optimistic concurrency through PostgreSQL's system column xmin, kept as a shadow property so domain types stay free of it.
/// A service that edits what a user saw sets the version the user saw as the original value; EF then refuses a stale save.
/// </summary>
public static class Concurrency
{
    public const string VersionProperty = "Version";

    public static void HasXminVersion<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.Property<uint>(VersionProperty).IsRowVersion();

    /// <summary>The row version of a tracked entity (an AsNoTracking entity carries no shadow values).</summary>
    public static uint VersionOf(this DbContext db, object entity) =>
        (uint)db.Entry(entity).Property(VersionProperty).CurrentValue!;

    public static void ExpectVersion(this DbContext db, object entity, uint expected) =>
        db.Entry(entity).Property(VersionProperty).OriginalValue = expected;
}
