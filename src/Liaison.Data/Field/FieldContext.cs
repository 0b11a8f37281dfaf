using Liaison.Data.Policy;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// What checking a cadre's field records needs, read once per request: the villages the cadre is
/// tied to (or serves as First Secretary) in each year, the year's rules and the time.
/// </summary>
public sealed class FieldContext
{
    private readonly Dictionary<int, HashSet<string>> _villages;
    private readonly Dictionary<int, HashSet<string>> _secretaryVillages;

    private FieldContext(FieldAuthor author, FieldRules rules, DateTimeOffset now, Dictionary<int, HashSet<string>> villages, Dictionary<int, HashSet<string>> secretaryVillages)
    {
        Author = author;
        Rules = rules;
        Now = now;
        _villages = villages;
        _secretaryVillages = secretaryVillages;
    }

    public FieldAuthor Author { get; }
    public FieldRules Rules { get; }
    public DateTimeOffset Now { get; }
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>The latest moment a record may carry: now, plus the phone clock's allowed lead.</summary>
    public DateTimeOffset Latest => Now.AddMinutes(Rules.ClockSkewMinutes);

    public IReadOnlyCollection<int> Years => _villages.Keys;

    public bool Serves(int year, string village) => _villages.TryGetValue(year, out var v) && v.Contains(village) && (Author.Within?.Invoke(village) ?? true);

    public bool IsSecretary(int year, string village) => Serves(year, village) && _secretaryVillages.TryGetValue(year, out var v) && v.Contains(village);

    /// <summary>The cadre's villages in a year, in code order.</summary>
    public IReadOnlyList<string> VillagesIn(int year) => _villages.TryGetValue(year, out var v) ? v.Order(StringComparer.Ordinal).ToList() : [];

    public static async Task<FieldContext> LoadAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ties = await db.LiaisonTies.AsNoTracking().Where(t => t.CadreId == author.CadreId && t.DivisionCode.Length == 12)
            .Select(t => new { t.Year, t.DivisionCode }).ToListAsync(ct);
        var postings = await db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == author.CadreId)
            .Select(p => new { p.Year, p.VillageCode }).ToListAsync(ct);
        var villages = ties.Select(t => (t.Year, Village: t.DivisionCode)).Concat(postings.Select(p => (p.Year, Village: p.VillageCode)))
            .GroupBy(x => x.Year).ToDictionary(g => g.Key, g => g.Select(x => x.Village).ToHashSet(StringComparer.Ordinal));
        var secretary = postings.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal));
        var year = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime).Year;
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Field;
        return new FieldContext(author, rules, now, villages, secretary);
    }
}
