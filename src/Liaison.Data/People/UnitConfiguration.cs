using Liaison.Data.Privacy;
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
        // Imports write the roster's own columns only: a new row takes the defaults (open, version 0), an existing one keeps its status.
        b.Property(u => u.Status).HasDefaultValue(UnitStatus.Open);
        b.Property(u => u.Version).HasDefaultValue(0);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
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
        // Personal data is stored encrypted and bound to the row (the staff code): room for the nonce, tag and key id around the text.
        SealedEntity.RowIs(b, c => c.Code);
        SealedEntity.Seal(b, c => c.Phone, 256);
        b.HasIndex(c => c.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Status).HasDefaultValue(CadreStatus.Active);
        b.Property(c => c.Version).HasDefaultValue(0);
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
        SealedEntity.RowIs(b, h => h.VillageCode, h => h.HouseNo);
        SealedEntity.Seal(b, h => h.HeadName, 256);
        SealedEntity.Seal(b, h => h.HeadPhone, 256);
        b.HasOne<Division>().WithMany().HasForeignKey(h => h.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(h => h.Status).HasDefaultValue(HouseholdStatus.Current);
        b.Property(h => h.Version).HasDefaultValue(0);
    }
}

internal sealed class HouseholdLinkConfiguration : IEntityTypeConfiguration<HouseholdLink>
{
    public void Configure(EntityTypeBuilder<HouseholdLink> b)
    {
        b.ToTable("household_links");
        b.HasKey(l => new { l.HouseholdId, l.Kind });
        b.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(l => l.OtherId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistryEventConfiguration : IEntityTypeConfiguration<RegistryEvent>
{
    public void Configure(EntityTypeBuilder<RegistryEvent> b)
    {
        b.ToTable("registry_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.RecordKey).HasMaxLength(60);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Reason).HasMaxLength(RegistryRules.MaxReason);
        b.Property(e => e.OtherKey).HasMaxLength(60);
        b.Property(e => e.Fields).HasMaxLength(300);
        b.Property(e => e.Actor).HasMaxLength(100);
        // A record's history is read on its page; a division's changes by day.
        b.HasIndex(e => new { e.Kind, e.RecordId, e.Version });
        b.HasIndex(e => new { e.DivisionCode, e.On });
    }
}
