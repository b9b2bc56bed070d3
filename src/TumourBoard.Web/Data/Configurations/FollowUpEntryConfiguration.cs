using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.FollowUps;

namespace TumourBoard.Web.Data.Configurations;

/// <summary>Entries are only ever added: PostgreSQL refuses to change or delete one (trigger follow_up_entries_append_only).</summary>
internal sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> builder)
    {
        builder.ToTable("follow_up_entries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.FollowUpId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.ReportedAtUtc);
        builder.Property(e => e.Detail).HasMaxLength(CaseFollowUp.MaxDetailLength);
        builder.Property(e => e.CorrectionReason).HasMaxLength(CaseFollowUp.MaxCorrectionReasonLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ReportedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.HoldsValue);
        builder.Ignore(e => e.Implementation);
        builder.Ignore(e => e.ResponseReport);
    }
}
