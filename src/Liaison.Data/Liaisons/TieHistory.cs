using Liaison.Domain.Liaisons;
using Liaison.Domain.Secretaries;

namespace Liaison.Data.Liaisons;

/// <summary>
/// Who was tied where on a given day: ties and postings keep their first and last day when they
/// end (a move, a retirement, a re-plan), so the plan of any past day can be read back. A tie holds
/// from its <c>Since</c> up to the day before its <c>Until</c>, within its plan's year.
/// </summary>
public static class TieHistory
{
    public static IQueryable<LiaisonTie> HeldOn(IQueryable<LiaisonTie> ties, DateOnly day)
    {
        var year = day.Year;
        return ties.Where(t => t.Year == year && t.Since <= day && (t.Until == null || t.Until > day));
    }

    public static IQueryable<SecretaryPosting> HeldOn(IQueryable<SecretaryPosting> postings, DateOnly day) =>
        postings.Where(p => p.Since <= day && (p.Until == null || p.Until > day));
}
