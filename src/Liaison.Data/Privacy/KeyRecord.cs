using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Privacy;

/// <summary>
/// A key this database was written with: its id and fingerprint (never the key itself), so that a
/// missing or different key file is refused before anything is read or written with it.
/// </summary>
public sealed class KeyRecord
{
    /// <summary>The key's id in the key file, e.g. <c>k20261202-3fa9c1</c>, or <c>audit</c> for the audit log's MAC key.</summary>
    public required string KeyId { get; set; }

    /// <summary><c>personal-data</c> or <c>audit</c>.</summary>
    public required string Purpose { get; set; }

    /// <summary>HMAC-SHA-256 of a fixed label under the key, first 16 bytes in hex: tells keys apart, reveals nothing of them.</summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A fact about the database itself, e.g. its id (which names its audit head file outside it).</summary>
public sealed class DatabaseFact
{
    public const string DatabaseId = "database-id";

    public required string Name { get; set; }
    public required string Value { get; set; }
}

internal sealed class KeyRecordConfiguration : IEntityTypeConfiguration<KeyRecord>, IEntityTypeConfiguration<DatabaseFact>
{
    public void Configure(EntityTypeBuilder<KeyRecord> b)
    {
        b.ToTable("key_records");
        b.HasKey(k => k.KeyId);
        b.Property(k => k.KeyId).HasMaxLength(40);
        b.Property(k => k.Purpose).HasMaxLength(20);
        b.Property(k => k.Fingerprint).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<DatabaseFact> b)
    {
        b.ToTable("database_facts");
        b.HasKey(f => f.Name);
        b.Property(f => f.Name).HasMaxLength(40);
        b.Property(f => f.Value).HasMaxLength(200);
    }
}
