using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Audit;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Append-only: a trigger created in the migration refuses UPDATE and DELETE on this table.
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(60).IsRequired();
        builder.Property(a => a.ObjectType).HasMaxLength(40);
        builder.Property(a => a.ObjectId).HasMaxLength(80);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.ObjectType, a.ObjectId });
    }
}
