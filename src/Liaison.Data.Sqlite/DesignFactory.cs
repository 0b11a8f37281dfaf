using Liaison.Data.Database;
using Microsoft.EntityFrameworkCore.Design;

namespace Liaison.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build migrations for SQLite.</summary>
public sealed class DesignFactory : IDesignTimeDbContextFactory<LiaisonDb>
{
    public LiaisonDb CreateDbContext(string[] args) =>
        DatabaseTarget.Sqlite(Path.Combine(Path.GetTempPath(), "liaison-design.db")).CreateContext();
}
