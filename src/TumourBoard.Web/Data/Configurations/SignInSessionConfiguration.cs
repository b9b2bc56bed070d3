using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Web.Features.Sessions;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("sign_in_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Client).HasMaxLength(SignInSession.MaxClientLength).IsRequired();
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.HasIndex(s => new { s.UserId, s.EndedAtUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
