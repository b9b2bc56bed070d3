using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Trials;

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
        builder.OwnsMany(i => i.Discussions, d =>
        {
            d.ToTable("agenda_item_discussions");
            d.WithOwner().HasForeignKey("AgendaItemId");
            d.Property<long>("Id");
            d.HasKey("Id");
        });
        builder.Navigation(i => i.Discussions).HasField("_discussions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsOne(i => i.Recommendation, r =>
        {
            r.Property(x => x.Text).HasColumnName("RecommendationText").HasMaxLength(Recommendation.MaxText);
            r.Property(x => x.OptionId).HasColumnName("RecommendedOptionId");
            r.Property(x => x.Rationale).HasColumnName("RecommendationRationale").HasMaxLength(Recommendation.MaxText);
            r.Property(x => x.Consensus).HasColumnName("RecommendationConsensus");
            r.Property(x => x.Dissent).HasColumnName("RecommendationDissent").HasMaxLength(Recommendation.MaxShort);
            r.Property(x => x.TrialReferral).HasColumnName("RecommendationTrialReferral").HasMaxLength(30);
            r.Property(x => x.TrialId).HasColumnName("RecommendationTrialId");
            r.HasOne<ClinicalTrial>().WithMany().HasForeignKey(x => x.TrialId).OnDelete(DeleteBehavior.Restrict);
            r.Property(x => x.QuorumMet).HasColumnName("RecommendationQuorumMet");
            r.Property(x => x.RecordedById).HasColumnName("RecommendationRecordedById");
            r.Property(x => x.RecordedAtUtc).HasColumnName("RecommendationRecordedAtUtc");
        });
    }
}
