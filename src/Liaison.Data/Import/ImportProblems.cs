using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>Collects the problems of one import; past <see cref="Limit"/> it stops the import at once.</summary>
public sealed class ImportProblems(string file)
{
    public const int Limit = 100;

    private readonly List<ImportProblem> _list = [];

    public string File { get; } = file;
    public bool Any => _list.Count > 0;
    public IReadOnlyList<ImportProblem> List => _list;

    public void Add(long? line, string? column, ImportReason reason, params string[] args) => Add(line, column, reason, args.Select(Term.Same).ToList());

    /// <summary>A problem whose arguments differ by language (what was expected).</summary>
    public void Add(long? line, string? column, ImportReason reason, IReadOnlyList<Term> args)
    {
        _list.Add(new ImportProblem(File, line, column, reason, args));
        if (_list.Count >= Limit)
        {
            _list.Add(new ImportProblem(File, null, null, ImportReason.TooManyProblems, Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw new ImportRefusedException(_list);
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ImportRefusedException(_list);
        }
    }
}
