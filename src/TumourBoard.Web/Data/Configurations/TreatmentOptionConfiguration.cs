using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class TreatmentOptionConfiguration : IEntityTypeConfiguration<TreatmentOption>
{
    public void Configure(EntityTypeBuilder<TreatmentOption> builder)
    {
        builder.ToTable("case_options");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Label).HasMaxLength(CaseRules.MaxShortText).IsRequired();
        builder.Property(o => o.Detail).HasMaxLength(CaseRules.MaxOptionDetail);
        builder.Property(o => o.Trial).HasMaxLength(30);
    }
}
