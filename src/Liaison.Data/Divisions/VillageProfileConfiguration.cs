using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Divisions;

internal sealed class VillageProfileConfiguration : IEntityTypeConfiguration<VillageProfile>
{
    public void Configure(EntityTypeBuilder<VillageProfile> b)
    {
        b.ToTable("village_profiles");
        b.HasKey(p => new { p.VillageCode, p.Year });
        b.Property(p => p.VillageCode).HasMaxLength(12);
        b.Property(p => p.CollectiveIncome).HasPrecision(14, 2);
        b.Property(p => p.Remarks).HasMaxLength(VillageProfiles.MaxRemarks);
        b.Property(p => p.SourceFile).HasMaxLength(260);
        b.Property(p => p.UpdatedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Division>().WithMany().HasForeignKey(p => p.VillageCode).OnDelete(DeleteBehavior.Restrict);
    }
}
