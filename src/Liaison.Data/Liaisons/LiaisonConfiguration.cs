using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Liaisons;

internal sealed class LiaisonTieConfiguration : IEntityTypeConfiguration<LiaisonTie>
{
    public void Configure(EntityTypeBuilder<LiaisonTie> b)
    {
        b.ToTable("liaison_ties");
        b.HasKey(t => t.Id);
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.ReasonEn).HasMaxLength(500);
        b.Property(t => t.EndReason).HasMaxLength(500);
        b.Property(t => t.ChangedBy).HasMaxLength(100);
        b.Ignore(t => t.IsCurrent);
        // The plan of a year is read whole; a division's and a person's ties are read on their pages.
        b.HasIndex(t => new { t.Year, t.Until });
        b.HasIndex(t => t.DivisionCode);
        b.HasIndex(t => t.CadreId);
        b.HasIndex(t => t.UnitId);
        b.HasOne<Division>().WithMany().HasForeignKey(t => t.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(t => t.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlannedStayConfiguration : IEntityTypeConfiguration<PlannedStay>
{
    public void Configure(EntityTypeBuilder<PlannedStay> b)
    {
        b.ToTable("planned_stays");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.TieId);
        b.HasOne<LiaisonTie>().WithMany().HasForeignKey(s => s.TieId).OnDelete(DeleteBehavior.Cascade);
    }
}
