using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.People;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.HasKey(u => u.Id);
        b.Property(u => u.Code).HasMaxLength(40);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.DivisionCode).HasMaxLength(12);
        b.HasIndex(u => u.DivisionCode);
        b.HasOne<Division>().WithMany().HasForeignKey(u => u.DivisionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CadreConfiguration : IEntityTypeConfiguration<Cadre>
{
    public void Configure(EntityTypeBuilder<Cadre> b)
    {
        b.ToTable("cadres");
        b.HasKey(c => c.Id);
        b.Property(c => c.Code).HasMaxLength(40);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Name).HasMaxLength(50);
        // Personal data is stored encrypted: room for the nonce, tag and key id around the text.
        b.Property(c => c.Phone).HasMaxLength(256).HasConversion(Privacy.PersonalDataConverter.For("cadres.phone"));
        b.HasIndex(c => c.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.HasKey(h => h.Id);
        b.Property(h => h.VillageCode).HasMaxLength(12);
        b.Property(h => h.HouseNo).HasMaxLength(40);
        b.HasIndex(h => new { h.VillageCode, h.HouseNo }).IsUnique();
        b.Property(h => h.HeadName).HasMaxLength(256).HasConversion(Privacy.PersonalDataConverter.For("households.head_name"));
        b.Property(h => h.HeadPhone).HasMaxLength(256).HasConversion(Privacy.PersonalDataConverter.For("households.head_phone"));
        b.HasOne<Division>().WithMany().HasForeignKey(h => h.VillageCode).OnDelete(DeleteBehavior.Restrict);
    }
}
