using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Liaison.Data.Privacy;

/// <summary>
/// Encrypts a personal-data column on the way in and decrypts it on the way out, for EF and for the
/// bulk writers alike (they take converters from the EF model). Each value is bound to its table and
/// column (<paramref name="column"/>, "table.column"): copied into another column it no longer decrypts.
/// </summary>
public sealed class PersonalDataConverter(string column) : ValueConverter<string, string>(
    plain => PersonalDataKeys.Current.Protect(plain, column),
    stored => PersonalDataKeys.Current.Unprotect(stored, column))
{
    public string Column { get; } = column;

    /// <summary>The converter of one column, typed for EF's <c>HasConversion</c> on nullable and required columns alike.</summary>
    public static ValueConverter For(string column) => new PersonalDataConverter(column);
}
