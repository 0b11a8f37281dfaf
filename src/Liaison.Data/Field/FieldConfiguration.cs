using Liaison.Domain.Field;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Field;

internal sealed class ResidenceStayConfiguration : IEntityTypeConfiguration<ResidenceStay>
{
    public void Configure(EntityTypeBuilder<ResidenceStay> b)
    {
        b.ToTable("residence_stays");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ClientId).IsUnique();
        b.HasIndex(s => new { s.CadreId, s.Year });
        b.HasIndex(s => new { s.VillageCode, s.Year });
        b.Property(s => s.VillageCode).HasMaxLength(12);
        b.Property(s => s.ReceivedBy).HasMaxLength(100);
        b.Property(s => s.ContentHash).HasMaxLength(64);
        b.Ignore(s => s.Days);
        // "left" is a keyword of SQL; bulk writes name columns bare.
        b.Property(s => s.Arrived).HasColumnName("arrived_on");
        b.Property(s => s.Left).HasColumnName("left_on");
        b.HasOne<Cadre>().WithMany().HasForeignKey(s => s.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> b)
    {
        b.ToTable("household_visits");
        b.HasKey(v => v.Id);
        b.HasIndex(v => v.ClientId).IsUnique();
        b.HasIndex(v => new { v.CadreId, v.Year });
        b.HasIndex(v => new { v.VillageCode, v.Year });
        b.HasIndex(v => v.HouseholdId);
        b.Property(v => v.VillageCode).HasMaxLength(12);
        b.Property(v => v.Note).HasMaxLength(500);
        b.Property(v => v.ReceivedBy).HasMaxLength(100);
        b.Property(v => v.ContentHash).HasMaxLength(64);
        b.HasOne<Cadre>().WithMany().HasForeignKey(v => v.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitTallyConfiguration : IEntityTypeConfiguration<VisitTally>
{
    public void Configure(EntityTypeBuilder<VisitTally> b)
    {
        b.ToTable("visit_tallies");
        // A village's rows together (the drainer's recount); a unit's report reads by cadre.
        b.HasKey(t => new { t.VillageCode, t.Year, t.HouseholdId, t.CadreId, t.Month });
        b.HasIndex(t => new { t.CadreId, t.Year });
        b.Property(t => t.VillageCode).HasMaxLength(12);
        // No foreign keys: the rows are derived from visits, which hold them, and are written with each visit.
    }
}

internal sealed class VisitIssueConfiguration : IEntityTypeConfiguration<VisitIssue>
{
    public void Configure(EntityTypeBuilder<VisitIssue> b)
    {
        b.ToTable("visit_issues");
        b.HasKey(i => i.Id);
        b.HasIndex(i => i.VisitId);
        b.HasIndex(i => i.VillageCode);
        b.Property(i => i.VillageCode).HasMaxLength(12);
        b.Property(i => i.Text).HasMaxLength(500);
        b.HasOne<HouseholdVisit>().WithMany().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretaryActivityConfiguration : IEntityTypeConfiguration<SecretaryActivity>
{
    public void Configure(EntityTypeBuilder<SecretaryActivity> b)
    {
        b.ToTable("secretary_activities");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ClientId).IsUnique();
        b.HasIndex(a => new { a.CadreId, a.Year });
        b.HasIndex(a => new { a.VillageCode, a.Year });
        b.Property(a => a.VillageCode).HasMaxLength(12);
        b.Property(a => a.Note).HasMaxLength(500);
        b.Property(a => a.ReceivedBy).HasMaxLength(100);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.Property(a => a.On).HasColumnName("done_on");
        b.HasOne<Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordConflictConfiguration : IEntityTypeConfiguration<RecordConflict>
{
    public void Configure(EntityTypeBuilder<RecordConflict> b)
    {
        b.ToTable("record_conflicts");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.ClientId);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Payload).HasMaxLength(20_000);
        b.Property(c => c.ReceivedBy).HasMaxLength(100);
    }
}

/// <summary>
/// The durable queue of the field rollups: a village whose field records changed, with a version
/// that every change bumps. The drainer recounts the village and removes the row only if the
/// version is still the one it read, so a change during the recount is never lost.
/// </summary>
public sealed class FieldDirty
{
    public required string VillageCode { get; set; }
    public long Version { get; set; }
}

internal sealed class FieldDirtyConfiguration : IEntityTypeConfiguration<FieldDirty>
{
    public void Configure(EntityTypeBuilder<FieldDirty> b)
    {
        b.ToTable("field_dirty");
        b.HasKey(d => d.VillageCode);
        b.Property(d => d.VillageCode).HasMaxLength(12);
    }
}

internal sealed class NightSessionConfiguration : IEntityTypeConfiguration<NightSession>
{
    public void Configure(EntityTypeBuilder<NightSession> b)
    {
        b.ToTable("night_sessions");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.VillageCode, s.Year });
        // A phone's resend of a session finds the one stored (several nulls: the office's entries).
        b.HasIndex(s => s.ClientId).IsUnique();
        b.Property(s => s.VillageCode).HasMaxLength(12);
        b.Property(s => s.Topic).HasMaxLength(NightSession.MaxTopic);
        b.Property(s => s.Place).HasMaxLength(NightSession.MaxTopic);
        b.Property(s => s.Attendees).HasMaxLength(NightSession.MaxText);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(s => s.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NightMatterConfiguration : IEntityTypeConfiguration<NightMatter>
{
    public void Configure(EntityTypeBuilder<NightMatter> b)
    {
        b.ToTable("night_matters");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.SessionId, m.Line }).IsUnique();
        b.Property(m => m.Text).HasMaxLength(NightSession.MaxText);
        b.HasOne<NightSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
