using Liaison.Domain.People;

namespace Liaison.App.Features.Divisions;

/// <summary>A household's row on the village page: masked unless revealed, with a reveal button for those who may, and its registry page for those who keep it.</summary>
public sealed record HouseholdRow(Household Household, bool Revealed, bool CanReveal, bool CanEdit = false);
