using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>A cell an import read as another value than written: where, and before → after (docs/IMPORTS.md).</summary>
public sealed record Normalisation(long Line, string Column, string Before, string After);

/// <summary>
/// Collects what one import found: its problems (every one counted, the first <see cref="Limit"/>
/// kept to be listed) and the cells it normalised (every one counted, the first
/// <see cref="ExampleLimit"/> kept as examples, a count per column).
/// </summary>
public sealed class ImportProblems(string file)
{
    public const int Limit = 100;

    /// <summary>Normalisations kept as examples; the rest are counted.</summary>
    public const int ExampleLimit = 100;

    private readonly List<ImportProblem> _list = [];
    private readonly List<Normalisation> _normalised = [];
    private readonly Dictionary<string, long> _normalisedByColumn = [];

    public string File { get; } = file;
    public bool Any => Count > 0;

    /// <summary>The first <see cref="Limit"/> problems.</summary>
    public IReadOnlyList<ImportProblem> List => _list;

    /// <summary>Every problem found, also those past the listed ones.</summary>
    public long Count { get; private set; }

    /// <summary>The first <see cref="ExampleLimit"/> cells normalised.</summary>
    public IReadOnlyList<Normalisation> Normalisations => _normalised;

    /// <summary>Every cell normalised.</summary>
    public long NormalisationCount { get; private set; }

    /// <summary>Cells normalised, by the file's column header.</summary>
    public IReadOnlyDictionary<string, long> NormalisedByColumn => _normalisedByColumn;

    public void Add(long? line, string? column, ImportReason reason, params string[] args) => Add(line, column, reason, args.Select(Term.Same).ToList());

    /// <summary>A problem whose arguments differ by language (what was expected).</summary>
    public void Add(long? line, string? column, ImportReason reason, IReadOnlyList<Term> args)
    {
        Count++;
        if (_list.Count < Limit)
        {
            _list.Add(new ImportProblem(File, line, column, reason, args));
        }
    }

    /// <summary>A problem found in another file of the same import (a division import's merges file), kept with that file's name.</summary>
    public void Add(ImportProblem problem)
    {
        Count++;
        if (_list.Count < Limit)
        {
            _list.Add(problem);
        }
    }

    /// <summary>A cell read as another value than written.</summary>
    public void Normalised(long line, string column, string before, string after)
    {
        NormalisationCount++;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_normalisedByColumn, column, out _)++;
        if (_normalised.Count < ExampleLimit)
        {
            _normalised.Add(new Normalisation(line, column, before, after));
        }
    }

    /// <summary>The problems as refused: the listed ones, and past <see cref="Limit"/> a last line with the total.</summary>
    public IReadOnlyList<ImportProblem> Refused() =>
        Count > _list.Count
            ? [.. _list, new ImportProblem(File, null, null, ImportReason.TooManyProblems,
                Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : _list;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ImportRefusedException(Refused()) { Total = Count };
        }
    }
}
