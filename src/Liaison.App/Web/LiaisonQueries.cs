using Liaison.App.Features.Divisions;
using Liaison.Data;

namespace Liaison.App.Web;

/// <summary>
/// The query roots a request may use, one per area, each narrowed to the signed-in person's
/// jurisdiction: the one place where scope is applied to reads.
/// </summary>
public sealed class LiaisonQueries(LiaisonDb db, Data.Access.Scoped scoped)
{
    public DivisionQueries Divisions { get; } = new(scoped);

    public Features.Audit.AuditQueries Audit { get; } = new(scoped);

    public Features.Liaisons.PlanQueries Plan { get; } = new(db, scoped);

    public Features.Secretaries.SecretaryQueries Secretaries { get; } = new(db, scoped);

    public Features.People.PeopleQueries People { get; } = new(db, scoped);

    public Features.Teams.TeamQueries Teams { get; } = new(db, scoped);

    public Features.Help.HelpQueries Help { get; } = new(db, scoped);

    public Features.Nights.NightQueries Nights { get; } = new(db, scoped);
    public Features.Deeds.DeedQueries Deeds { get; } = new(db, scoped);
    public Features.Commitments.CommitmentQueries Commitments { get; } = new(db, scoped);
    public Features.Agreements.AgreementQueries Agreements { get; } = new(db, scoped);
    public Features.Grading.GradingQueries Grading { get; } = new(db, scoped);
    public Features.Supervision.SupervisionQueries Supervision { get; } = new(db, scoped);
}
