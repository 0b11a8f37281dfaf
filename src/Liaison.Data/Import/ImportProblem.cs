using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>Why a row or a file was refused. Each has a message in zh-CN and English in <see cref="ImportMessages"/>.</summary>
public enum ImportReason
{
    FileNotFound,
    UnsupportedFormat,
    WrongEncoding,
    TruncatedGzip,
    LineTooLong,
    UnterminatedQuote,
    EmptyFile,
    MissingColumn,
    EmptyValue,
    MalformedCode,
    UnknownLevel,
    LevelNotBelowParent,
    UnknownParent,
    CodeNotUnderParent,
    DuplicateKey,
    InvalidValue,
    UnknownVillage,
    NotAVillage,
    UnknownDivision,
    UnknownUnit,
    UnknownRoot,
    TooManyProblems,
    UnknownCall,
    UnknownCadre,
    NotOfCall,
    AlreadyRegistered,
    AmbiguousUnit,
    AmbiguousGrade,
    NotAPhone,
    NoHeader,
    UnknownScope,
    OutsideScope,
    EmptyCompleteRoster,
    OutsideJurisdiction,
    RecordOutsideJurisdiction,
    HouseNoEnded,
    WithdrawnWithRecords,
    MergeNotWithdrawn,
    MergeIntoUnknown,
    WithdrawnCode,
    NotATeamDivision,
    CadreNotActive,
    CadreNameDiffers,
    TeamDiffers,
    TwoHeads,
    UnknownVillageName,
    AmbiguousVillage,
    /// <summary>A rule of the record's own (a deed's kind and quantities …), its words given whole as the argument.</summary>
    RuleRefused,
}

/// <summary>One reason an import was refused, with the place it was found: file, line, column.</summary>
/// <remarks>The arguments are in both languages (an expected value's description differs; a cell's value reads the same), so that one refusal is told in either.</remarks>
public sealed record ImportProblem(string File, long? Line, string? Column, ImportReason Reason, IReadOnlyList<Term> Args)
{
    public ImportProblem(string file, long? line, string? column, ImportReason reason, params string[] args)
        : this(file, line, column, reason, args.Select(Term.Same).ToList())
    {
    }

    /// <summary>The problem told in both languages, with its place.</summary>
    public Term Message() => ImportMessages.Render(this);
}

/// <summary>The import as a whole was refused; nothing was written. Its problems as every refusal's (<see cref="RefusedException.Problems"/>): the reason as the code, the column as the field.</summary>
public sealed class ImportRefusedException(IReadOnlyList<ImportProblem> problems)
    : RefusedException(problems.Select(Common).ToList(), "导入被拒绝，数据库未作任何更改：", "Import refused; the database is unchanged:")
{
    /// <summary>The problems with their reasons and arguments, as found.</summary>
    public IReadOnlyList<ImportProblem> ImportProblems { get; } = problems;

    /// <summary>Every problem found; past the listed ones the last says how many there were.</summary>
    public long Total { get; init; } = problems.Count;

    public ImportRefusedException(ImportProblem problem) : this([problem])
    {
    }

    private static Problem Common(ImportProblem p) =>
        new(p.Column ?? "", p.Message().Zh, p.Message().En) { Code = p.Reason.ToString(), File = p.File, Line = p.Line };
}
