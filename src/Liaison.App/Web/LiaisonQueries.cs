using Liaison.App.Features.Divisions;
using Liaison.Data;

namespace Liaison.App.Web;

/// <summary>The query roots a request may use, one per area; registered per request.</summary>
public sealed class LiaisonQueries(LiaisonDb db)
{
    public DivisionQueries Divisions { get; } = new(db);
}
