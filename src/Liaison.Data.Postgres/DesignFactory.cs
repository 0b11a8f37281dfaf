using Liaison.Data.Database;
using Microsoft.EntityFrameworkCore.Design;

namespace Liaison.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build migrations for PostgreSQL; adding one needs no server.</summary>
public sealed class DesignFactory : IDesignTimeDbContextFactory<LiaisonDb>
{
    public LiaisonDb CreateDbContext(string[] args) =>
        new DatabaseTarget(DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("PG_CONN") ?? "Host=127.0.0.1;Username=postgres;Database=liaison_design").CreateContext();
}
