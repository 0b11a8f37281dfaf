using Liaison.Data.Accounts;
using Liaison.Data.Audit;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data;

/// <summary>The one DbContext of Liaison, for PostgreSQL and SQLite alike.</summary>
public sealed class LiaisonDb : IdentityUserContext<Account, int>
{
    public LiaisonDb(DbContextOptions<LiaisonDb> options)
        : base(options)
    {
        // Liaison never retries inside a transaction, so the savepoint EF would set around every
        // SaveChanges in one is a wasted round trip (and time held under the audit chain's lock).
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<VillageProfile> VillageProfiles => Set<VillageProfile>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdLink> HouseholdLinks => Set<HouseholdLink>();
    public DbSet<RegistryEvent> RegistryEvents => Set<RegistryEvent>();
    public DbSet<Reporting.DivisionRollup> Rollups => Set<Reporting.DivisionRollup>();
    public DbSet<Reporting.DivisionMonth> RollupMonths => Set<Reporting.DivisionMonth>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<Privacy.KeyRecord> KeyRecords => Set<Privacy.KeyRecord>();
    public DbSet<Privacy.DatabaseFact> DatabaseFacts => Set<Privacy.DatabaseFact>();
    public DbSet<Domain.Liaisons.LiaisonTie> LiaisonTies => Set<Domain.Liaisons.LiaisonTie>();
    public DbSet<Domain.Liaisons.PlannedStay> PlannedStays => Set<Domain.Liaisons.PlannedStay>();
    public DbSet<Policy.PolicyVersion> PolicyVersions => Set<Policy.PolicyVersion>();
    public DbSet<Policy.CityRecord> City => Set<Policy.CityRecord>();
    public DbSet<Domain.Secretaries.SecretaryCall> SecretaryCalls => Set<Domain.Secretaries.SecretaryCall>();
    public DbSet<Domain.Secretaries.SecretaryCandidate> SecretaryCandidates => Set<Domain.Secretaries.SecretaryCandidate>();
    public DbSet<Domain.Secretaries.SecretaryPosting> SecretaryPostings => Set<Domain.Secretaries.SecretaryPosting>();
    public DbSet<Domain.Secretaries.SecretarySupport> SecretarySupports => Set<Domain.Secretaries.SecretarySupport>();
    public DbSet<Domain.Field.ResidenceStay> ResidenceStays => Set<Domain.Field.ResidenceStay>();
    public DbSet<Domain.Field.HouseholdVisit> HouseholdVisits => Set<Domain.Field.HouseholdVisit>();
    public DbSet<Domain.Field.VisitIssue> VisitIssues => Set<Domain.Field.VisitIssue>();
    public DbSet<Domain.Field.VisitTally> VisitTallies => Set<Domain.Field.VisitTally>();
    public DbSet<Domain.Field.SecretaryActivity> SecretaryActivities => Set<Domain.Field.SecretaryActivity>();
    public DbSet<Domain.Field.RecordConflict> RecordConflicts => Set<Domain.Field.RecordConflict>();
    public DbSet<Domain.Field.NightSession> NightSessions => Set<Domain.Field.NightSession>();
    public DbSet<Domain.Field.NightMatter> NightMatters => Set<Domain.Field.NightMatter>();
    public DbSet<Domain.Liaisons.UnitStay> UnitStays => Set<Domain.Liaisons.UnitStay>();
    public DbSet<Domain.Liaisons.HelpPlan> HelpPlans => Set<Domain.Liaisons.HelpPlan>();
    public DbSet<Domain.Liaisons.WorkTeam> WorkTeams => Set<Domain.Liaisons.WorkTeam>();
    public DbSet<Domain.Liaisons.WorkTeamMember> WorkTeamMembers => Set<Domain.Liaisons.WorkTeamMember>();
    public DbSet<Domain.Liaisons.WorkTeamMeeting> WorkTeamMeetings => Set<Domain.Liaisons.WorkTeamMeeting>();
    public DbSet<Field.FieldDirty> FieldDirty => Set<Field.FieldDirty>();
    public DbSet<Field.ParticipationDirty> ParticipationDirty => Set<Field.ParticipationDirty>();
    public DbSet<Field.CadreParticipationMark> CadreParticipation => Set<Field.CadreParticipationMark>();
    public DbSet<Domain.Cases.Case> Cases => Set<Domain.Cases.Case>();
    public DbSet<Domain.Cases.CaseStep> CaseSteps => Set<Domain.Cases.CaseStep>();
    public DbSet<Domain.Cases.Dispute> Disputes => Set<Domain.Cases.Dispute>();
    public DbSet<Domain.Cases.Errand> Errands => Set<Domain.Cases.Errand>();
    public DbSet<Domain.Results.Deed> Deeds => Set<Domain.Results.Deed>();
    public DbSet<Domain.Results.DeedQuantityValue> DeedQuantities => Set<Domain.Results.DeedQuantityValue>();
    public DbSet<Domain.Results.DeedPhoto> DeedPhotos => Set<Domain.Results.DeedPhoto>();
    public DbSet<Domain.Results.Commitment> Commitments => Set<Domain.Results.Commitment>();
    public DbSet<Domain.Results.CommitmentStep> CommitmentSteps => Set<Domain.Results.CommitmentStep>();
    public DbSet<Domain.Results.Agreement> Agreements => Set<Domain.Results.Agreement>();
    public DbSet<Domain.Results.AgreementTarget> AgreementTargets => Set<Domain.Results.AgreementTarget>();
    public DbSet<Domain.Results.GradingRound> GradingRounds => Set<Domain.Results.GradingRound>();
    public DbSet<Domain.Results.VillageGrading> VillageGradings => Set<Domain.Results.VillageGrading>();
    public DbSet<Domain.Results.Rectification> Rectifications => Set<Domain.Results.Rectification>();
    public DbSet<Domain.Supervision.InspectionRound> InspectionRounds => Set<Domain.Supervision.InspectionRound>();
    public DbSet<Domain.Supervision.Inspection> Inspections => Set<Domain.Supervision.Inspection>();
    public DbSet<Domain.Supervision.Finding> Findings => Set<Domain.Supervision.Finding>();
    public DbSet<Domain.Supervision.CallSample> CallSamples => Set<Domain.Supervision.CallSample>();
    public DbSet<Domain.Supervision.SampleCall> SampleCalls => Set<Domain.Supervision.SampleCall>();
    public DbSet<Domain.Supervision.SampleStratum> SampleStrata => Set<Domain.Supervision.SampleStratum>();
    public DbSet<Domain.Supervision.Notice> Notices => Set<Domain.Supervision.Notice>();
    public DbSet<Domain.Supervision.NoticeVersion> NoticeVersions => Set<Domain.Supervision.NoticeVersion>();
    public DbSet<Domain.Supervision.NoticeSubject> NoticeSubjects => Set<Domain.Supervision.NoticeSubject>();
    public DbSet<Domain.Supervision.NoticeFinding> NoticeFindings => Set<Domain.Supervision.NoticeFinding>();
    public DbSet<Domain.Supervision.RectificationOrder> RectificationOrders => Set<Domain.Supervision.RectificationOrder>();
    public DbSet<Domain.Supervision.OrderStep> OrderSteps => Set<Domain.Supervision.OrderStep>();
    public DbSet<Domain.Supervision.StoredFlag> Flags => Set<Domain.Supervision.StoredFlag>();
    public DbSet<Domain.Supervision.DocumentReview> DocumentReviews => Set<Domain.Supervision.DocumentReview>();
    public DbSet<Domain.Supervision.ReviewCheck> ReviewChecks => Set<Domain.Supervision.ReviewCheck>();
    public DbSet<Domain.Assessment.AssessmentRun> AssessmentRuns => Set<Domain.Assessment.AssessmentRun>();
    public DbSet<Domain.Assessment.AssessmentResult> AssessmentResults => Set<Domain.Assessment.AssessmentResult>();
    public DbSet<Domain.Assessment.AssessmentPart> AssessmentParts => Set<Domain.Assessment.AssessmentPart>();
    public DbSet<Domain.Assessment.AssessmentAppeal> AssessmentAppeals => Set<Domain.Assessment.AssessmentAppeal>();
    public DbSet<Domain.Assessment.ObservationScore> ObservationScores => Set<Domain.Assessment.ObservationScore>();
    public DbSet<Domain.Assessment.WorkComment> WorkComments => Set<Domain.Assessment.WorkComment>();
    public DbSet<Domain.Assessment.MassBallot> MassBallots => Set<Domain.Assessment.MassBallot>();
    public DbSet<Domain.Assessment.MassRating> MassRatings => Set<Domain.Assessment.MassRating>();
    public DbSet<Domain.Assessment.BallotRefusal> BallotRefusals => Set<Domain.Assessment.BallotRefusal>();
    public DbSet<Domain.Assessment.PaperCode> PaperCodes => Set<Domain.Assessment.PaperCode>();
    public DbSet<Domain.Years.ProgrammeYear> ProgrammeYears => Set<Domain.Years.ProgrammeYear>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; stored as a number it can.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own tables first (accounts, their claims, logins and tokens), then ours.
        base.OnModelCreating(builder);
        builder.Entity<Account>().ToTable("accounts");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<int>>().ToTable("account_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().ToTable("account_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().ToTable("account_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(LiaisonDb).Assembly);
    }
}
