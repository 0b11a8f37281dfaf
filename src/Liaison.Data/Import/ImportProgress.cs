namespace Liaison.Data.Import;

/// <summary>How far an import has come: a stage, and done of total (total 0 when unknown).</summary>
public readonly record struct ImportProgress(string Stage, double Done, double Total);
