using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class CaseCodeCounterConfiguration : IEntityTypeConfiguration<CaseCodeCounter>
{
    public void Configure(EntityTypeBuilder<CaseCodeCounter> builder)
    {
        builder.ToTable("case_code_counters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
