using Liaison.Data.Privacy;
using Liaison.Domain.Cases;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.TrackingCode).IsUnique();
        b.HasIndex(c => new { c.VillageCode, c.Year });
        b.HasIndex(c => new { c.HolderDivision, c.Status });
        b.HasIndex(c => new { c.Status, c.DueOn });
        // One case per visit issue: a second taker fails instead of duplicating.
        b.HasIndex(c => c.VisitIssueId).IsUnique();
        b.HasIndex(c => c.NightSessionId);
        b.Property(c => c.TrackingCode).HasMaxLength(TrackingCode.Length);
        b.Property(c => c.Category).HasMaxLength(40);
        b.Property(c => c.VillageCode).HasMaxLength(12);
        b.Property(c => c.HolderDivision).HasMaxLength(12);
        SealedEntity.RowIs(b, c => c.TrackingCode);
        SealedEntity.Seal(b, c => c.PersonName, 256);
        SealedEntity.Seal(b, c => c.PersonPhone, 256);
        b.Property(c => c.Description).HasMaxLength(CaseInput.MaxDescription);
        b.Property(c => c.ReceivedBy).HasMaxLength(100);
        b.Property(c => c.Reply).HasMaxLength(CaseInput.MaxNote);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> b)
    {
        b.ToTable("case_steps");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.CaseId);
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.HolderDivision).HasMaxLength(12);
        b.Property(s => s.Note).HasMaxLength(CaseInput.MaxNote);
        // "from" and "to" are keywords of SQL; bulk writes name columns bare.
        b.Property(s => s.From).HasColumnName("from_status");
        b.Property(s => s.To).HasColumnName("to_status");
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("disputes");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.VillageCode, d.Year });
        b.Property(d => d.VillageCode).HasMaxLength(12);
        b.Property(d => d.Reference).HasMaxLength(TrackingCode.Length);
        b.HasIndex(d => d.Reference).IsUnique();
        SealedEntity.RowIs(b, d => d.Reference);
        SealedEntity.Seal(b, d => d.Parties, 1024);
        b.Property(d => d.Summary).HasMaxLength(CaseInput.MaxDescription);
        b.Property(d => d.MediatorName).HasMaxLength(100);
        b.Property(d => d.ReferredTo).HasMaxLength(200);
        b.Property(d => d.Steps).HasMaxLength(CaseInput.MaxDescription);
        b.Property(d => d.EnteredBy).HasMaxLength(100);
    }
}

internal sealed class ErrandConfiguration : IEntityTypeConfiguration<Errand>
{
    public void Configure(EntityTypeBuilder<Errand> b)
    {
        b.ToTable("errands");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.VillageCode, e.Year });
        b.Property(e => e.VillageCode).HasMaxLength(12);
        b.Property(e => e.What).HasMaxLength(CaseInput.MaxNote);
        b.Property(e => e.Result).HasMaxLength(CaseInput.MaxNote);
        b.Property(e => e.Steps).HasMaxLength(CaseInput.MaxDescription);
        b.Property(e => e.EnteredBy).HasMaxLength(100);
    }
}
