using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Divisions;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.ToTable("divisions");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(12);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.ParentCode).HasMaxLength(12);
        b.HasIndex(d => d.ParentCode);
        b.HasIndex(d => d.Name);
        b.Property(d => d.MergedInto).HasMaxLength(12);
        // Imports of the code list write no profile: new rows start with none.
        // The sentinel is a value never used, so EF always writes the real value and only COPY relies on the default.
        b.Property(d => d.VillageType).HasDefaultValueSql("0").HasSentinel((VillageType)(-1));
        // No foreign key to the parent: imports write a whole tree in one statement and the
        // importer checks every parent itself, with a message that names the line.
    }
}
