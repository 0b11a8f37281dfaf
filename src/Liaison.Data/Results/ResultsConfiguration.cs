using Liaison.Domain.People;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Results;

internal sealed class DeedConfiguration : IEntityTypeConfiguration<Deed>
{
    public void Configure(EntityTypeBuilder<Deed> b)
    {
        b.ToTable("deeds");
        b.HasKey(d => d.Id);
        // A division's sums for a year: its villages' deeds by kind.
        b.HasIndex(d => new { d.VillageCode, d.Year });
        b.HasIndex(d => d.CadreId);
        b.HasIndex(d => d.UnitId);
        b.HasIndex(d => d.ClientId).IsUnique();
        b.HasIndex(d => d.CaseId);
        b.Property(d => d.VillageCode).HasMaxLength(12);
        b.Property(d => d.Kind).HasMaxLength(40);
        b.Property(d => d.Source).HasMaxLength(Deed.MaxSource);
        b.Property(d => d.Evidence).HasMaxLength(Deed.MaxEvidence);
        b.Property(d => d.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(d => d.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Cases.Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeedQuantityConfiguration : IEntityTypeConfiguration<DeedQuantityValue>
{
    public void Configure(EntityTypeBuilder<DeedQuantityValue> b)
    {
        b.ToTable("deed_quantities");
        b.HasKey(q => new { q.DeedId, q.Code });
        b.Property(q => q.Code).HasMaxLength(40);
        // Kilometres to three places (a metre), yuan to the fen.
        b.Property(q => q.Value).HasPrecision(18, 3);
        b.HasOne<Deed>().WithMany().HasForeignKey(q => q.DeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
