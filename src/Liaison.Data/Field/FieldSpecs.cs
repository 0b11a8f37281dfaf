using System.Runtime.CompilerServices;
using Liaison.Data.Database;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Liaison.Data.Field;

/// <summary>How bulk writes see the field tables: one definition for the generator, the API's batches and the visits' tallies.</summary>
internal static class FieldSpecs
{
    // A spec compiles its getters and writers: made once per model (one per provider), not per request.
    private static readonly ConditionalWeakTable<IModel, TableSpec<HouseholdVisit>> VisitSpecs = [];
    private static readonly ConditionalWeakTable<IModel, TableSpec<VisitIssue>> IssueSpecs = [];
    private static readonly ConditionalWeakTable<IModel, TableSpec<VisitTally>> TallySpecs = [];

    /// <summary>Every column of a visit, its id included (reserved beforehand), keyed by the client's id.</summary>
    public static TableSpec<HouseholdVisit> Visits(LiaisonDb db) => VisitSpecs.GetValue(db.Model, _ => MakeVisits(db));

    public static TableSpec<VisitIssue> Issues(LiaisonDb db) => IssueSpecs.GetValue(db.Model, _ => MakeIssues(db));

    public static TableSpec<VisitTally> Tallies(LiaisonDb db) => TallySpecs.GetValue(db.Model, _ => TableSpec.For<VisitTally>(db,
        [nameof(VisitTally.VillageCode), nameof(VisitTally.Year), nameof(VisitTally.HouseholdId), nameof(VisitTally.CadreId), nameof(VisitTally.Month)],
        nameof(VisitTally.VillageCode), nameof(VisitTally.Year), nameof(VisitTally.HouseholdId), nameof(VisitTally.CadreId), nameof(VisitTally.Month), nameof(VisitTally.Visits)));

    private static TableSpec<HouseholdVisit> MakeVisits(LiaisonDb db) => TableSpec.For<HouseholdVisit>(db, [nameof(HouseholdVisit.ClientId)],
        nameof(HouseholdVisit.Id), nameof(HouseholdVisit.ClientId), nameof(HouseholdVisit.CadreId), nameof(HouseholdVisit.HouseholdId), nameof(HouseholdVisit.VillageCode),
        nameof(HouseholdVisit.Year), nameof(HouseholdVisit.VisitedAt), nameof(HouseholdVisit.VisitedOn), nameof(HouseholdVisit.Note), nameof(HouseholdVisit.Latitude), nameof(HouseholdVisit.Longitude),
        nameof(HouseholdVisit.IssueCount), nameof(HouseholdVisit.Source), nameof(HouseholdVisit.ReceivedAt), nameof(HouseholdVisit.ReceivedBy), nameof(HouseholdVisit.ContentHash));

    private static TableSpec<VisitIssue> MakeIssues(LiaisonDb db) => TableSpec.For<VisitIssue>(db, [nameof(VisitIssue.Id)],
        nameof(VisitIssue.VisitId), nameof(VisitIssue.VillageCode), nameof(VisitIssue.HouseholdId), nameof(VisitIssue.Text), nameof(VisitIssue.RaisedOn));
}
