using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Centres;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class CentreConfiguration : IEntityTypeConfiguration<Centre>
{
    public void Configure(EntityTypeBuilder<Centre> builder)
    {
        builder.ToTable("centres");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(10).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Centre.MaxNameLength).IsRequired();
        builder.Property(c => c.City).HasMaxLength(Centre.MaxCityLength).IsRequired();
        builder.HasXminVersion();
    }
}
