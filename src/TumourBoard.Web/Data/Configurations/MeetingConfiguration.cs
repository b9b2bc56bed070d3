using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(Meeting.MaxTitleLength);
        builder.Property(m => m.VideoLink).HasMaxLength(VideoLinks.MaxLength);
        builder.Property(m => m.CancellationReason).HasMaxLength(Meeting.MaxReasonLength);
        builder.Ignore(m => m.EndsAtUtc);
        builder.Ignore(m => m.AgendaMinutes);
        builder.Ignore(m => m.RunsOverTime);
        builder.Ignore(m => m.Quorum);
        builder.Property(m => m.MocRules).HasMocRulesJson();
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.StartsAtUtc);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.SecretaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasXminVersion();
    }
}
