using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Liaison.Data.Privacy;

/// <summary>
/// Encrypts a personal-data column on the way in and decrypts it on the way out, for EF and for the
/// bulk writers alike (they take converters from the EF model).
/// </summary>
public sealed class PersonalDataConverter() : ValueConverter<string, string>(
    plain => PersonalDataKeys.Current.Protect(plain),
    stored => PersonalDataKeys.Current.Unprotect(stored));
