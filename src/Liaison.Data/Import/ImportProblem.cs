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
}

/// <summary>One reason an import was refused, with the place it was found: file, line, column.</summary>
public sealed record ImportProblem(string File, long? Line, string? Column, ImportReason Reason, IReadOnlyList<string> Args)
{
    public ImportProblem(string file, long? line, string? column, ImportReason reason, params string[] args)
        : this(file, line, column, reason, (IReadOnlyList<string>)args)
    {
    }

    public string Message(UiLanguage language) => ImportMessages.Render(this, language);
}

/// <summary>The import as a whole was refused; nothing was written.</summary>
public sealed class ImportRefusedException(IReadOnlyList<ImportProblem> problems)
    : Exception(problems.Count > 0 ? problems[0].Message(UiLanguage.English) : "import refused")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    public ImportRefusedException(ImportProblem problem) : this([problem])
    {
    }
}
