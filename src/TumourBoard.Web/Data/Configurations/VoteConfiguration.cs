using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("votes");
        builder.HasKey(v => v.Id);
        // One vote per member and item: casting again changes it, a retry or double click never adds a second one.
        builder.HasIndex(v => new { v.AgendaItemId, v.VoterId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.VoterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentOption>().WithMany().HasForeignKey(v => v.OptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
