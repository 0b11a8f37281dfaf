namespace Liaison.App.Features.Liaisons;

/// <summary>The model of the _TieTable partial: the rows, and which columns the page needs.</summary>
public sealed record TieTable(IReadOnlyList<TieRow> Rows, bool ShowWho, bool ShowPlace);
