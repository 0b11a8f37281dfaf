using Liaison.Data.Access;
using Liaison.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>The rating fields of a ballot form: the cadres rated, whether comments are taken, and what was entered (kept when the form comes back refused).</summary>
public sealed record RatingFields(IReadOnlyList<Data.Assessment.RatedCadre> Cadres, bool Comments, IReadOnlyDictionary<int, Domain.Assessment.Rating>? Ratings = null,
    IReadOnlyDictionary<int, string?>? Texts = null);

/// <summary>A cadre's satisfaction in a village's evaluation: the standing from the ratings counted.</summary>
public sealed record CadreSatisfaction(int CadreId, string Name, Domain.Shared.Term Role, SatisfactionStanding Standing);

/// <summary>The assessment's reads through the reader's scope: satisfaction by cadre, refusals counted.</summary>
public sealed class AssessmentQueries(Scoped scoped)
{
    /// <summary>Each cadre's satisfaction from the ratings of the year (all villages they were rated in, within the reader's scope).</summary>
    public async Task<Dictionary<int, SatisfactionStanding>> SatisfactionAsync(IReadOnlyCollection<int> cadres, int year, CancellationToken ct)
    {
        var counts = await scoped.MassRatings.Where(r => r.Year == year && cadres.Contains(r.CadreId))
            .GroupBy(r => new { r.CadreId, r.Rating }).Select(g => new { g.Key.CadreId, g.Key.Rating, Count = g.Count() }).ToListAsync(ct);
        return cadres.ToDictionary(c => c, c =>
        {
            int Of(Rating r) => counts.Where(x => x.CadreId == c && x.Rating == r).Sum(x => x.Count);
            return Satisfaction.Of(Of(Rating.Satisfied), Of(Rating.Basically), Of(Rating.Dissatisfied));
        });
    }
}
