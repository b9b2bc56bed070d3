using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class RoomConnectionConfiguration : IEntityTypeConfiguration<RoomConnection>
{
    public void Configure(EntityTypeBuilder<RoomConnection> builder)
    {
        builder.ToTable("room_connections");
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(100);
        builder.Property(c => c.InstanceId).HasMaxLength(100);
        builder.HasIndex(c => new { c.MeetingId, c.UserId });
        builder.HasIndex(c => c.LastSeenAtUtc);
    }
}
