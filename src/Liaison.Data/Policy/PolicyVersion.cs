using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Data.Policy;

/// <summary>
/// One stored version of a year's policy document. Versions are never changed: setting a policy
/// adds the next one, so what applied when stays readable.
/// </summary>
public sealed class PolicyVersion
{
    public int Year { get; set; }
    public int Version { get; set; }
    /// <summary>The whole document as <see cref="Domain.Policy.PolicyDocument"/> writes it.</summary>
    public required string Document { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public required string SetBy { get; set; }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.ToTable("policy_versions");
        b.HasKey(p => new { p.Year, p.Version });
        b.Property(p => p.SetBy).HasMaxLength(100);
    }
}
