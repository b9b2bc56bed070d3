using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Centres;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxDisplayNameLength).IsRequired();
        builder.HasOne<Centre>().WithMany().HasForeignKey(u => u.CentreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.CreatedAtUtc);
        builder.Property(u => u.CalendarFeedHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarFeedHash).IsUnique();
        builder.Property(u => u.RizivNumber).HasMaxLength(11);
        // One practitioner, one account: a number typed into a second account is refused.
        builder.HasIndex(u => u.RizivNumber).IsUnique();
    }
}
