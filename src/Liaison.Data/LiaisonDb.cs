using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data;

/// <summary>The one DbContext of Liaison, for PostgreSQL and SQLite alike.</summary>
public sealed class LiaisonDb(DbContextOptions<LiaisonDb> options) : DbContext(options)
{
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Reporting.DivisionRollup> Rollups => Set<Reporting.DivisionRollup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LiaisonDb).Assembly);
    }
}
