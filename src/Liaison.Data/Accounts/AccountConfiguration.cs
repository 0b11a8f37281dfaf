using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.ScopeDivisionCode).HasMaxLength(12);
        b.Property(a => a.DisplayName).HasMaxLength(100);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Entity).HasMaxLength(64);
        b.Property(e => e.EntityKey).HasMaxLength(100);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.Actor);
        b.HasIndex(e => new { e.Entity, e.EntityKey });
        b.HasIndex(e => e.DivisionCode);
    }
}
