using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.HasKey(i => i.Id);
        builder.HasOne<PatientCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.PresenterId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.DeferralReason).HasMaxLength(AgendaItem.MaxReasonLength);
        // The database itself keeps a case on at most one agenda at a time, whatever two people do at once.
        builder.HasIndex(i => i.CaseId).IsUnique().HasFilter("\"Status\" IN ('Waiting', 'Current')").HasDatabaseName("IX_agenda_items_one_open_agenda_per_case");
        builder.HasIndex(i => new { i.MeetingId, i.Position });
    }
}
