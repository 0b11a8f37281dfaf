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
        b.HasIndex(d => d.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(d => d.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.AgreementTargetId);
        b.HasOne<AgreementTarget>().WithMany().HasForeignKey(d => d.AgreementTargetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Liaisons.WorkTeam>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.SupportId);
        b.HasOne<Domain.Secretaries.SecretarySupport>().WithMany().HasForeignKey(d => d.SupportId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("commitments");
        b.HasKey(c => c.Id);
        // A village's public page and a division's figures: its villages' commitments by year.
        b.HasIndex(c => new { c.VillageCode, c.Year });
        b.HasIndex(c => c.CadreId);
        b.Property(c => c.VillageCode).HasMaxLength(12);
        b.Property(c => c.Text).HasMaxLength(Commitment.MaxText);
        b.Property(c => c.Reason).HasMaxLength(Commitment.MaxText);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentStepConfiguration : IEntityTypeConfiguration<CommitmentStep>
{
    public void Configure(EntityTypeBuilder<CommitmentStep> b)
    {
        b.ToTable("commitment_steps");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.CommitmentId);
        b.Property(s => s.Text).HasMaxLength(Commitment.MaxNote);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<Commitment>().WithMany().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeedPhotoConfiguration : IEntityTypeConfiguration<DeedPhoto>
{
    public void Configure(EntityTypeBuilder<DeedPhoto> b)
    {
        b.ToTable("deed_photos");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.DeedId, p.Number }).IsUnique();
        b.Property(p => p.ContentType).HasMaxLength(20);
        b.HasOne<Deed>().WithMany().HasForeignKey(p => p.DeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("agreements");
        b.HasKey(a => a.Id);
        // One agreement a year for a First Secretary and village, and for a paired unit and village (the other party null: NULLs are distinct).
        b.HasIndex(a => new { a.VillageCode, a.Year, a.CadreId }).IsUnique();
        b.HasIndex(a => new { a.VillageCode, a.Year, a.UnitId }).IsUnique();
        b.HasIndex(a => a.CadreId);
        b.HasIndex(a => a.UnitId);
        b.Property(a => a.VillageCode).HasMaxLength(12);
        b.Property(a => a.DraftedBy).HasMaxLength(100);
        b.Property(a => a.TownshipSigner).HasMaxLength(Agreement.MaxSigner);
        b.HasOne<Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementTargetConfiguration : IEntityTypeConfiguration<AgreementTarget>
{
    public void Configure(EntityTypeBuilder<AgreementTarget> b)
    {
        b.ToTable("agreement_targets");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.AgreementId);
        b.Property(t => t.Area).HasMaxLength(40);
        b.Property(t => t.Text).HasMaxLength(AgreementTarget.MaxText);
        b.Property(t => t.Measure).HasMaxLength(AgreementTarget.MaxMeasure);
        b.Property(t => t.Value).HasPrecision(18, 3);
        b.HasOne<Agreement>().WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GradingRoundConfiguration : IEntityTypeConfiguration<GradingRound>
{
    public void Configure(EntityTypeBuilder<GradingRound> b)
    {
        b.ToTable("grading_rounds");
        b.HasKey(r => r.Id);
        // One round a year for a township.
        b.HasIndex(r => new { r.TownshipCode, r.Year }).IsUnique();
        b.Property(r => r.TownshipCode).HasMaxLength(12);
        b.Property(r => r.OpenedBy).HasMaxLength(100);
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.ConfirmedBy).HasMaxLength(100);
    }
}

internal sealed class VillageGradingConfiguration : IEntityTypeConfiguration<VillageGrading>
{
    public void Configure(EntityTypeBuilder<VillageGrading> b)
    {
        b.ToTable("village_gradings");
        b.HasKey(g => g.Id);
        b.HasIndex(g => new { g.RoundId, g.VillageCode }).IsUnique();
        b.HasIndex(g => g.VillageCode);
        b.Property(g => g.VillageCode).HasMaxLength(12);
        b.Property(g => g.Criteria).HasMaxLength(400);
        b.Property(g => g.Note).HasMaxLength(VillageGrading.MaxNote);
        b.HasOne<GradingRound>().WithMany().HasForeignKey(g => g.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("rectifications");
        b.HasKey(r => r.Id);
        // Plans made before upgrade targets existed are rectifications; EF always writes the kind (no plan has kind 0).
        b.Property(r => r.Kind).HasDefaultValueSql("1").HasSentinel((RectificationKind)0);
        b.HasIndex(r => new { r.VillageCode, r.Status });
        b.Property(r => r.VillageCode).HasMaxLength(12);
        b.Property(r => r.Problems).HasMaxLength(Rectification.MaxText);
        b.Property(r => r.Measures).HasMaxLength(Rectification.MaxText);
        b.Property(r => r.Progress).HasMaxLength(4000);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.LeaderCadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GradingRound>().WithMany().HasForeignKey(r => r.JudgedByRoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
