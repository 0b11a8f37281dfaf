using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Reporting;

/// <summary>
/// One month's value of a flow or distinct indicator for one division's subtree, in the year the
/// rollups count (see <see cref="Domain.Reporting.IndicatorKind"/>): what period reports and trends
/// read. Kept beside <see cref="DivisionRollup"/> by the same refresh and drainer.
/// </summary>
public sealed class DivisionMonth
{
    public required string DivisionCode { get; set; }
    public required string IndicatorId { get; set; }
    /// <summary>1 = January.</summary>
    public int Month { get; set; }
    public long Value { get; set; }
}

internal sealed class DivisionMonthConfiguration : IEntityTypeConfiguration<DivisionMonth>
{
    public void Configure(EntityTypeBuilder<DivisionMonth> b)
    {
        b.ToTable("division_months");
        b.HasKey(r => new { r.DivisionCode, r.IndicatorId, r.Month });
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.IndicatorId).HasMaxLength(64);
    }
}
