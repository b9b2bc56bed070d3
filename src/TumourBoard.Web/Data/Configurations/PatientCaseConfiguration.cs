using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Centres;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class PatientCaseConfiguration : IEntityTypeConfiguration<PatientCase>
{
    public void Configure(EntityTypeBuilder<PatientCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.Status, c.CentreId });
        builder.HasOne<Centre>().WithMany().HasForeignKey(c => c.CentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.PresenterId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.DiagnosisLabel).HasMaxLength(CaseRules.MaxShortText).IsRequired();
        builder.Property(c => c.Morphology).HasMaxLength(6);
        builder.Property(c => c.Topography).HasMaxLength(5);
        builder.Property(c => c.Iccc3Group).HasMaxLength(4);
        builder.Property(c => c.Iccc3Subgroup).HasMaxLength(10);
        builder.Property(c => c.Stage).HasMaxLength(CaseRules.MaxShortText);
        builder.Property(c => c.History).HasMaxLength(CaseRules.MaxLongText);
        builder.Property(c => c.PathologyAndMolecular).HasMaxLength(CaseRules.MaxLongText);
        builder.Property(c => c.MarkerTags).HasColumnType("text[]");
        builder.Property(c => c.Imaging).HasMaxLength(CaseRules.MaxLongText);
        builder.Property(c => c.Comorbidities).HasMaxLength(CaseRules.MaxLongText);
        builder.Property(c => c.Question).HasMaxLength(CaseRules.MaxQuestion).IsRequired();
        builder.Property(c => c.ProtectedLocalReference).HasMaxLength(1000);
        builder.Ignore(c => c.IsEditable);
        builder.HasMany(c => c.Options).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Options).HasField("_options").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminVersion();
    }
}
