namespace Liaison.Domain.Policy;

/// <summary>
/// Whose programme a database holds: the city's division code and name, the programme's title and
/// the supervision telephone it publishes. Recorded by <c>liaison city set</c> (or seen from the
/// divisions imported, until then); the default policy is built from it, so one city's rules,
/// telephone and quotas never reach another's database.
/// </summary>
public sealed record CityIdentity(string Code, string Name, string? Title = null, string? Telephone = null, bool IsDemo = false)
{
    /// <summary>Jining's prefecture code: the city whose rules the source article gives (DOMAIN.md).</summary>
    public const string JiningCode = "3708";

    /// <summary>Whether the database is Jining's (the demo or the real city), whose rules are the defaults of the source article.</summary>
    public bool IsJining => Code == JiningCode;

    /// <summary>The programme's name for people: the title set, else the city's name before the programme's.</summary>
    public Shared.Term Programme => Title is { Length: > 0 } t ? Shared.Term.Same(t) : new(Name + "驻村联系服务工作", Name + " village liaison programme");
}
