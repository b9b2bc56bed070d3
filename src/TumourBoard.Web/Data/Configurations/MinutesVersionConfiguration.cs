using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Minutes;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> builder)
    {
        builder.ToTable("minutes_versions");
        builder.HasKey(v => v.Id);
        builder.Property<int>("MinutesId");
        builder.HasIndex("MinutesId", nameof(MinutesVersion.Number)).IsUnique();
        builder.HasIndex(v => v.Sha256).IsUnique();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(v => v.CorrectionReason).HasMaxLength(MeetingMinutes.MaxReasonLength);
        builder.Property(v => v.Pdf).IsRequired();
    }
}
