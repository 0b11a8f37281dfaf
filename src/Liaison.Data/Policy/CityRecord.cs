using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Policy;

/// <summary>The one row saying whose programme the database holds (<see cref="Domain.Policy.CityIdentity"/>), with who set it and when.</summary>
public sealed class CityRecord
{
    /// <summary>Always 1: a database holds one city's programme.</summary>
    public int Id { get; set; } = 1;
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Telephone { get; set; }
    /// <summary>Written by the demo generator, not by an office.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public required string SetBy { get; set; }
}

internal sealed class CityRecordConfiguration : IEntityTypeConfiguration<CityRecord>
{
    public void Configure(EntityTypeBuilder<CityRecord> b)
    {
        b.ToTable("city");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Code).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Telephone).HasMaxLength(40);
        b.Property(c => c.SetBy).HasMaxLength(100);
    }
}
