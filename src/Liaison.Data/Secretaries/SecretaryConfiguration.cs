using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Secretaries;

internal sealed class SecretaryCallConfiguration : IEntityTypeConfiguration<SecretaryCall>
{
    public void Configure(EntityTypeBuilder<SecretaryCall> b)
    {
        b.ToTable("secretary_calls");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.HasIndex(c => new { c.Year, c.DivisionCode }).IsUnique();
        b.HasOne<Division>().WithMany().HasForeignKey(c => c.DivisionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretaryCandidateConfiguration : IEntityTypeConfiguration<SecretaryCandidate>
{
    public void Configure(EntityTypeBuilder<SecretaryCandidate> b)
    {
        b.ToTable("secretary_candidates");
        b.HasKey(c => c.Id);
        b.Property(c => c.HomeDivisionCode).HasMaxLength(12);
        b.Property(c => c.StatusReason).HasMaxLength(500);
        b.Ignore(c => c.Merit);
        b.HasIndex(c => new { c.CallId, c.CadreId }).IsUnique();
        b.HasIndex(c => c.CadreId);
        b.HasOne<SecretaryCall>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretaryPostingConfiguration : IEntityTypeConfiguration<SecretaryPosting>
{
    public void Configure(EntityTypeBuilder<SecretaryPosting> b)
    {
        b.ToTable("secretary_postings");
        b.HasKey(p => p.Id);
        b.Property(p => p.VillageCode).HasMaxLength(12);
        b.Property(p => p.Reason).HasMaxLength(500);
        b.Property(p => p.EndReason).HasMaxLength(500);
        b.Property(p => p.ChangedBy).HasMaxLength(100);
        b.Ignore(p => p.Cost);
        b.HasIndex(p => new { p.Year, p.Until });
        b.HasIndex(p => p.VillageCode);
        b.HasIndex(p => p.CadreId);
        b.HasOne<Division>().WithMany().HasForeignKey(p => p.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SecretaryCall>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretarySupportConfiguration : IEntityTypeConfiguration<SecretarySupport>
{
    public void Configure(EntityTypeBuilder<SecretarySupport> b)
    {
        b.ToTable("secretary_supports");
        b.HasKey(s => s.Id);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.Property(s => s.Amount).HasPrecision(18, 2);
        b.HasIndex(s => s.PostingId);
        b.HasOne<SecretaryPosting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Restrict);
    }
}
