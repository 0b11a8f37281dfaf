using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Supervision;

internal sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> b)
    {
        b.ToTable("inspection_rounds");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.DivisionCode);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Title).HasMaxLength(InspectionRound.MaxTitle);
        b.Property(r => r.PlannedBy).HasMaxLength(100);
        b.HasOne<RectificationOrder>().WithMany().HasForeignKey(r => r.RecheckOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("inspections");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.RoundId, i.VillageCode }).IsUnique();
        b.HasIndex(i => i.VillageCode);
        b.HasIndex(i => i.ClientId).IsUnique();
        b.Property(i => i.VillageCode).HasMaxLength(12);
        b.Property(i => i.Note).HasMaxLength(Inspection.MaxNote);
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.HasOne<InspectionRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("findings");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.DivisionCode);
        b.HasIndex(f => new { f.Source, f.SourceId });
        b.HasIndex(f => f.CadreId);
        b.HasIndex(f => f.UnitId);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Kind).HasMaxLength(40);
        b.Property(f => f.Text).HasMaxLength(Finding.MaxText);
        b.Property(f => f.Evidence).HasMaxLength(Finding.MaxEvidence);
        b.Property(f => f.RecordedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(f => f.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallSampleConfiguration : IEntityTypeConfiguration<CallSample>
{
    public void Configure(EntityTypeBuilder<CallSample> b)
    {
        b.ToTable("call_samples");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.DivisionCode);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.DrawnBy).HasMaxLength(100);
    }
}

internal sealed class SampleCallConfiguration : IEntityTypeConfiguration<SampleCall>
{
    public void Configure(EntityTypeBuilder<SampleCall> b)
    {
        b.ToTable("sample_calls");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.SampleId, c.VisitId }).IsUnique();
        b.Property(c => c.VillageCode).HasMaxLength(12);
        b.Property(c => c.Stratum).HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(SampleCall.MaxNote);
        b.Property(c => c.CalledBy).HasMaxLength(100);
        b.Ignore(c => c.Unconfirmed);
        b.HasOne<CallSample>().WithMany().HasForeignKey(c => c.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HouseholdVisit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("notices");
        b.HasKey(n => n.Id);
        b.HasIndex(n => n.DivisionCode);
        b.Property(n => n.DivisionCode).HasMaxLength(12);
        b.Property(n => n.Title).HasMaxLength(Notice.MaxTitle);
        b.Property(n => n.Body).HasMaxLength(Notice.MaxBody);
        b.Property(n => n.Required).HasMaxLength(Notice.MaxBody);
        b.Property(n => n.WithdrawnReason).HasMaxLength(Notice.MaxTitle * 5);
        b.Property(n => n.IssuedBy).HasMaxLength(100);
        b.Property(n => n.DraftedBy).HasMaxLength(100);
    }
}

internal sealed class NoticeVersionConfiguration : IEntityTypeConfiguration<NoticeVersion>
{
    public void Configure(EntityTypeBuilder<NoticeVersion> b)
    {
        b.ToTable("notice_versions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.NoticeId, v.Version }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(Notice.MaxTitle);
        b.Property(v => v.Body).HasMaxLength(Notice.MaxBody);
        b.Property(v => v.Required).HasMaxLength(Notice.MaxBody);
        b.Property(v => v.SavedBy).HasMaxLength(100);
        b.HasOne<Notice>().WithMany().HasForeignKey(v => v.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeSubjectConfiguration : IEntityTypeConfiguration<NoticeSubject>
{
    public void Configure(EntityTypeBuilder<NoticeSubject> b)
    {
        b.ToTable("notice_subjects");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.NoticeId);
        b.HasIndex(s => s.CadreId);
        b.HasIndex(s => s.UnitId);
        b.Property(s => s.VillageCode).HasMaxLength(12);
        b.HasOne<Notice>().WithMany().HasForeignKey(s => s.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(s => s.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoticeFindingConfiguration : IEntityTypeConfiguration<NoticeFinding>
{
    public void Configure(EntityTypeBuilder<NoticeFinding> b)
    {
        b.ToTable("notice_findings");
        b.HasKey(f => new { f.NoticeId, f.FindingId });
        b.HasIndex(f => f.FindingId);
        b.HasOne<Notice>().WithMany().HasForeignKey(f => f.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RectificationOrderConfiguration : IEntityTypeConfiguration<RectificationOrder>
{
    public void Configure(EntityTypeBuilder<RectificationOrder> b)
    {
        b.ToTable("rectification_orders");
        b.HasKey(o => o.Id);
        b.HasIndex(o => o.DivisionCode);
        b.HasIndex(o => o.VillageCode);
        b.HasIndex(o => o.UnitId);
        b.HasIndex(o => o.CadreId);
        b.HasIndex(o => new { o.Status, o.Due });
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.VillageCode).HasMaxLength(12);
        b.Property(o => o.What).HasMaxLength(RectificationOrder.MaxWhat);
        b.Property(o => o.IssuedBy).HasMaxLength(100);
        b.HasOne<Notice>().WithMany().HasForeignKey(o => o.NoticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(o => o.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(o => o.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderStepConfiguration : IEntityTypeConfiguration<OrderStep>
{
    public void Configure(EntityTypeBuilder<OrderStep> b)
    {
        b.ToTable("order_steps");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.OrderId);
        b.Property(s => s.Text).HasMaxLength(OrderStep.MaxText);
        b.Property(s => s.By).HasMaxLength(100);
        b.HasOne<RectificationOrder>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SampleStratumConfiguration : IEntityTypeConfiguration<SampleStratum>
{
    public void Configure(EntityTypeBuilder<SampleStratum> b)
    {
        b.ToTable("sample_strata");
        b.HasKey(s => new { s.SampleId, s.Key });
        b.Property(s => s.Key).HasMaxLength(20);
        b.HasOne<CallSample>().WithMany().HasForeignKey(s => s.SampleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFlagConfiguration : IEntityTypeConfiguration<StoredFlag>
{
    public void Configure(EntityTypeBuilder<StoredFlag> b)
    {
        b.ToTable("plausibility_flags");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.Key).IsUnique();
        b.HasIndex(f => new { f.VillageCode, f.Status });
        b.HasIndex(f => f.CadreId);
        b.Property(f => f.Key).HasMaxLength(400);
        b.Property(f => f.Records).HasMaxLength(400);
        b.Property(f => f.VillageCode).HasMaxLength(12);
        b.Property(f => f.EvidenceZh).HasMaxLength(400);
        b.Property(f => f.EvidenceEn).HasMaxLength(400);
        b.Property(f => f.Note).HasMaxLength(StoredFlag.MaxNote);
        b.Property(f => f.ReviewedBy).HasMaxLength(100);
        b.HasOne<Cadre>().WithMany().HasForeignKey(f => f.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentReviewConfiguration : IEntityTypeConfiguration<DocumentReview>
{
    public void Configure(EntityTypeBuilder<DocumentReview> b)
    {
        b.ToTable("document_reviews");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.DivisionCode);
        b.HasIndex(r => r.UnitId);
        b.Property(r => r.Level).HasMaxLength(10);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Note).HasMaxLength(DocumentReview.MaxNote);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewCheckConfiguration : IEntityTypeConfiguration<ReviewCheck>
{
    public void Configure(EntityTypeBuilder<ReviewCheck> b)
    {
        b.ToTable("review_checks");
        b.HasKey(c => new { c.ReviewId, c.Item });
        b.Property(c => c.Item).HasMaxLength(40);
        b.Property(c => c.Remark).HasMaxLength(ReviewCheck.MaxRemark);
        b.HasOne<DocumentReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
