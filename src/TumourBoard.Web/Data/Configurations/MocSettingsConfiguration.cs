using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumourBoard.Domain.Moc;

namespace TumourBoard.Web.Data.Configurations;

internal sealed class MocSettingsConfiguration : IEntityTypeConfiguration<MocSettings>
{
    public void Configure(EntityTypeBuilder<MocSettings> builder)
    {
        builder.ToTable("moc_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property<MocRules?>(s => s.Rules).HasMocRulesJson().IsRequired();
        builder.HasXminVersion();
    }
}

/// <summary>MOC rules are read and written whole, never queried into: one small jsonb document, disciplines by name.</summary>
internal static class MocRulesJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<MocRules?> HasMocRulesJson(this PropertyBuilder<MocRules?> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => Serialize(v),
            v => Deserialize(v),
            new ValueComparer<MocRules?>((a, b) => Serialize(a) == Serialize(b), v => Serialize(v).GetHashCode(StringComparison.Ordinal), v => v));

    private static string Serialize(MocRules? rules) => JsonSerializer.Serialize(rules, Json);

    private static MocRules? Deserialize(string json) => JsonSerializer.Deserialize<MocRules>(json, Json);
}
