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

internal sealed class UnitStayConfiguration : IEntityTypeConfiguration<UnitStay>
{
    public void Configure(EntityTypeBuilder<UnitStay> b)
    {
        b.ToTable("unit_stays");
        b.HasKey(s => s.Id);
        b.Property(s => s.VillageCode).HasMaxLength(12);
        b.Property(s => s.What).HasMaxLength(UnitStay.MaxWhat);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        // As a field stay's: "left" is a word of SQL, and the bulk writer names columns as they are.
        b.Property(s => s.Arrived).HasColumnName("arrived_on");
        b.Property(s => s.Left).HasColumnName("left_on");
        // One record per pairing and arrival day: a form sent twice updates it, its members' stays stay exactly once.
        b.HasIndex(s => new { s.TieId, s.Arrived }).IsUnique();
        b.HasOne<LiaisonTie>().WithMany().HasForeignKey(s => s.TieId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkTeamConfiguration : IEntityTypeConfiguration<WorkTeam>
{
    public void Configure(EntityTypeBuilder<WorkTeam> b)
    {
        b.ToTable("work_teams");
        b.HasKey(t => t.Id);
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.Property(t => t.Name).HasMaxLength(WorkTeam.MaxName);
        b.Property(t => t.HeadPost).HasMaxLength(WorkTeam.MaxPost);
        b.Property(t => t.CreatedBy).HasMaxLength(100);
        // One team of a kind per division and year.
        b.HasIndex(t => new { t.Year, t.DivisionCode }).IsUnique();
        b.HasIndex(t => t.DivisionCode);
        b.HasOne<Division>().WithMany().HasForeignKey(t => t.DivisionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkTeamMemberConfiguration : IEntityTypeConfiguration<WorkTeamMember>
{
    public void Configure(EntityTypeBuilder<WorkTeamMember> b)
    {
        b.ToTable("work_team_members");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.TeamId);
        // A cadre's teams, for their villages on the phone and their unit's participation list.
        b.HasIndex(m => m.CadreId);
        b.HasOne<WorkTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(m => m.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkTeamMeetingConfiguration : IEntityTypeConfiguration<WorkTeamMeeting>
{
    public void Configure(EntityTypeBuilder<WorkTeamMeeting> b)
    {
        b.ToTable("work_team_meetings");
        b.HasKey(m => m.Id);
        // "on" is a word of SQL: the bulk writer names columns as they are.
        b.Property(m => m.On).HasColumnName("held_on");
        b.HasIndex(m => new { m.TeamId, m.On });
        b.Property(m => m.Place).HasMaxLength(WorkTeamMeeting.MaxPlace);
        b.Property(m => m.Topic).HasMaxLength(WorkTeamMeeting.MaxText);
        b.Property(m => m.Decisions).HasMaxLength(WorkTeamMeeting.MaxText);
        b.Property(m => m.RecordedBy).HasMaxLength(100);
        b.HasOne<WorkTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HelpPlanConfiguration : IEntityTypeConfiguration<HelpPlan>
{
    public void Configure(EntityTypeBuilder<HelpPlan> b)
    {
        b.ToTable("help_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.VillageCode).HasMaxLength(12);
        b.Property(p => p.Needs).HasMaxLength(HelpPlan.MaxText);
        b.Property(p => p.Measures).HasMaxLength(HelpPlan.MaxText);
        b.Property(p => p.Outcome).HasMaxLength(HelpPlan.MaxText);
        b.Property(p => p.ChangedBy).HasMaxLength(100);
        // 一户一策: one plan per household and year.
        b.HasIndex(p => new { p.HouseholdId, p.Year }).IsUnique();
        b.HasIndex(p => new { p.VillageCode, p.Year });
        b.HasIndex(p => p.CadreId);
        b.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Restrict);
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
