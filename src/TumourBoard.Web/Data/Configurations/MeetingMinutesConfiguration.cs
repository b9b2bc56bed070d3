using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MeetingMinutes> builder)
    {
        builder.ToTable("minutes");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.CorrectionReason).HasMaxLength(MeetingMinutes.MaxReasonLength);
        builder.Ignore(m => m.VersionNumber);
        builder.Ignore(m => m.IsEditable);
        // The narrative is read and written whole with its minutes, never queried into: one jsonb document.
        builder.Property<List<CaseNarrative>>("_cases").HasColumnName("Cases").HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<CaseNarrative>>(v, Json) ?? new List<CaseNarrative>(),
                new ValueComparer<List<CaseNarrative>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<CaseNarrative>>(JsonSerializer.Serialize(v, Json), Json)!));
        builder.Ignore(m => m.Cases);
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey("MinutesId").OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminVersion();
    }
}
