using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Trials;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class ClinicalTrialConfiguration : IEntityTypeConfiguration<ClinicalTrial>
{
    public void Configure(EntityTypeBuilder<ClinicalTrial> builder)
    {
        builder.ToTable("trials");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.EuCtNumber).HasMaxLength(17);
        builder.Property(t => t.NctNumber).HasMaxLength(11);
        // Two catalogue entries for one trial would split its referrals: the database refuses it, also under concurrent imports.
        builder.HasIndex(t => t.EuCtNumber).IsUnique();
        builder.HasIndex(t => t.NctNumber).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(ClinicalTrial.MaxTitle).IsRequired();
        builder.Property(t => t.Contact).HasMaxLength(ClinicalTrial.MaxContact).IsRequired();
        builder.Property(t => t.Iccc3Codes).HasColumnType("text[]");
        builder.Property(t => t.MorphologyCodes).HasColumnType("text[]");
        builder.Property(t => t.Markers).HasColumnType("text[]");
        builder.Property(t => t.SiteCentreIds).HasColumnType("integer[]");
        builder.Ignore(t => t.Ages);
        builder.Ignore(t => t.Identifiers);
        builder.HasIndex(t => t.Status);
        builder.HasXminVersion();
    }
}
