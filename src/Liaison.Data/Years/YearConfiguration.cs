using Liaison.Domain.Years;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Years;

internal sealed class ProgrammeYearConfiguration : IEntityTypeConfiguration<ProgrammeYear>
{
    public void Configure(EntityTypeBuilder<ProgrammeYear> b)
    {
        b.ToTable("programme_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.ClosedBy).HasMaxLength(100);
        b.Property(y => y.OpenedBy).HasMaxLength(100);
        b.Property(y => y.ReopenedBy).HasMaxLength(100);
        b.Property(y => y.ReopenReason).HasMaxLength(ProgrammeYear.MaxReason);
    }
}
