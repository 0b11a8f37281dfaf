using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Reporting;

/// <summary>
/// The stored value of one indicator for one division's subtree; what dashboards read.
/// A storage row, kept by <see cref="RollupStore"/> in the same transaction as the writes it sums.
/// </summary>
public sealed class DivisionRollup
{
    public required string DivisionCode { get; set; }
    public required string IndicatorId { get; set; }
    public long Value { get; set; }
}

internal sealed class DivisionRollupConfiguration : IEntityTypeConfiguration<DivisionRollup>
{
    public void Configure(EntityTypeBuilder<DivisionRollup> b)
    {
        b.ToTable("division_rollups");
        b.HasKey(r => new { r.DivisionCode, r.IndicatorId });
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.IndicatorId).HasMaxLength(64);
    }
}
