using Liaison.Domain.Assessment;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Assessment;

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> b)
    {
        b.ToTable("assessment_runs");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.Year, r.Group, r.DivisionCode });
        b.Property(r => r.Group).HasMaxLength(40);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.ComputedBy).HasMaxLength(100);
        b.Property(r => r.PublishedBy).HasMaxLength(100);
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("assessment_results");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.RunId, r.CadreId }).IsUnique();
        b.HasIndex(r => r.CadreId);
        b.HasIndex(r => r.VillageCode);
        b.Property(r => r.VillageCode).HasMaxLength(12);
        b.Property(r => r.Grade).HasMaxLength(40);
        b.Property(r => r.AdjustReason).HasMaxLength(500);
        b.Property(r => r.Veto).HasMaxLength(200);
        b.HasOne<AssessmentRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentPartConfiguration : IEntityTypeConfiguration<AssessmentPart>
{
    public void Configure(EntityTypeBuilder<AssessmentPart> b)
    {
        b.ToTable("assessment_parts");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ResultId);
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Detail).HasMaxLength(300);
        b.Property(p => p.DetailEn).HasMaxLength(300);
        b.Property(p => p.Link).HasMaxLength(200);
        b.HasOne<AssessmentResult>().WithMany().HasForeignKey(p => p.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentAppealConfiguration : IEntityTypeConfiguration<AssessmentAppeal>
{
    public void Configure(EntityTypeBuilder<AssessmentAppeal> b)
    {
        b.ToTable("assessment_appeals");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ResultId).IsUnique();
        b.Property(a => a.Text).HasMaxLength(AssessmentAppeal.MaxText);
        b.Property(a => a.Answer).HasMaxLength(AssessmentAppeal.MaxText);
        b.Property(a => a.FiledBy).HasMaxLength(100);
        b.Property(a => a.AnsweredBy).HasMaxLength(100);
        b.HasOne<AssessmentResult>().WithMany().HasForeignKey(a => a.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObservationScoreConfiguration : IEntityTypeConfiguration<ObservationScore>
{
    public void Configure(EntityTypeBuilder<ObservationScore> b)
    {
        b.ToTable("observation_scores");
        b.HasKey(o => o.Id);
        b.HasIndex(o => new { o.Year, o.VillageCode, o.ObservedOn, o.Item }).IsUnique();
        b.Property(o => o.VillageCode).HasMaxLength(12);
        b.Property(o => o.Item).HasMaxLength(40);
        b.Property(o => o.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class WorkCommentConfiguration : IEntityTypeConfiguration<WorkComment>
{
    public void Configure(EntityTypeBuilder<WorkComment> b)
    {
        b.ToTable("work_comments");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.Year, c.CadreId, c.Source }).IsUnique();
        b.Property(c => c.Text).HasMaxLength(WorkComment.MaxText);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MassBallotConfiguration : IEntityTypeConfiguration<MassBallot>
{
    public void Configure(EntityTypeBuilder<MassBallot> b)
    {
        b.ToTable("mass_ballots");
        b.HasKey(x => x.Id);
        // One voice per household a year: the database holds the rule, not only the page.
        b.HasIndex(x => new { x.Year, x.VillageCode, x.HouseholdKey }).IsUnique();
        b.HasIndex(x => new { x.AddressKey, x.At });
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.HouseholdKey).HasMaxLength(64);
        b.Property(x => x.AddressKey).HasMaxLength(64);
        b.Property(x => x.EnteredBy).HasMaxLength(100);
    }
}

internal sealed class MassRatingConfiguration : IEntityTypeConfiguration<MassRating>
{
    public void Configure(EntityTypeBuilder<MassRating> b)
    {
        b.ToTable("mass_ratings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.BallotId, x.CadreId }).IsUnique();
        b.HasIndex(x => new { x.Year, x.CadreId });
        b.HasIndex(x => x.VillageCode);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Comment).HasMaxLength(MassRating.MaxComment);
        b.HasOne<MassBallot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotRefusalConfiguration : IEntityTypeConfiguration<BallotRefusal>
{
    public void Configure(EntityTypeBuilder<BallotRefusal> b)
    {
        b.ToTable("ballot_refusals");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Year, x.VillageCode });
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.AddressKey).HasMaxLength(64);
    }
}

internal sealed class PaperCodeConfiguration : IEntityTypeConfiguration<PaperCode>
{
    public void Configure(EntityTypeBuilder<PaperCode> b)
    {
        b.ToTable("paper_codes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CodeKey).IsUnique();
        b.HasIndex(x => new { x.Year, x.VillageCode });
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.CodeKey).HasMaxLength(64);
        b.Property(x => x.HouseholdKey).HasMaxLength(64);
    }
}
