using Liaison.Domain.Policy;

namespace Liaison.App.Features.Deeds;

/// <summary>The kind chooser and the quantities of a deed's form (<c>_DeedKindFields</c>): the catalogue, the kind chosen and the quantities as typed.</summary>
public sealed record DeedKindFields(DeedRules Rules, string? Chosen, IReadOnlyDictionary<string, string> Typed);
