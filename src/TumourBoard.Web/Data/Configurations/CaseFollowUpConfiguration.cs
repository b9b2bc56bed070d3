using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Centres;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class CaseFollowUpConfiguration : IEntityTypeConfiguration<CaseFollowUp>
{
    public void Configure(EntityTypeBuilder<CaseFollowUp> builder)
    {
        builder.ToTable("follow_ups");
        builder.HasKey(f => f.Id);
        // One follow-up per case, whoever reports first: the second of two simultaneous first reports is refused.
        builder.HasIndex(f => f.CaseId).IsUnique();
        builder.HasIndex(f => new { f.CentreId, f.IsComplete });
        builder.HasOne<PatientCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Centre>().WithMany().HasForeignKey(f => f.CentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(f => f.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.TrialReferral).HasMaxLength(30);
        builder.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FollowUpId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(f => f.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminVersion();
    }
}
