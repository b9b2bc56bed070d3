using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class WeeklyScheduleConfiguration : IEntityTypeConfiguration<WeeklySchedule>
{
    public void Configure(EntityTypeBuilder<WeeklySchedule> builder)
    {
        builder.ToTable("weekly_schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.VideoLink).HasMaxLength(VideoLinks.MaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.DefaultChairId).OnDelete(DeleteBehavior.SetNull);
        builder.HasXminVersion();
    }
}
