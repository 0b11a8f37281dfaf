using Liaison.Data.Database;
using Liaison.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>
/// A locked or read-only SQLite database is one sentence an operator can act on. The errors are
/// SQLite's own, provoked for real: a second program holding the write lock, and a connection
/// SQLite opened read-only (what a read-only file gives to anyone but root, which these tests run as).
/// </summary>
public class DatabaseProblemsTests
{
    [Fact]
    public async Task A_database_another_program_holds_locked_is_said_so()
    {
        await using var t = await TestDb.CreateAsync("sqlite");
        var path = new SqliteConnectionStringBuilder(t.Target.ConnectionString).DataSource;
        await using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        await using var db = t.Open();
        db.Database.SetCommandTimeout(1);
        db.Units.Add(new Unit { Code = "U1", Name = "汶上县公安局", Level = UnitLevel.County, Category = UnitCategory.PoliticalLegal, DivisionCode = "370830" });

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DatabaseProblems.IsTransient(e));
        Assert.Equal($"{t.Target.Describe()} is locked by another program; try again when it has finished", DatabaseProblems.Describe(e, t.Target)?.En);
        Assert.Contains("被其他程序锁定", DatabaseProblems.Describe(e, t.Target)?.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_database_is_said_so()
    {
        await using var t = await TestDb.CreateAsync("sqlite");
        var path = new SqliteConnectionStringBuilder(t.Target.ConnectionString).DataSource;
        await using var readOnly = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await readOnly.OpenAsync();
        await using var insert = readOnly.CreateCommand();
        insert.CommandText = "CREATE TABLE scratch (a INTEGER)";

        var e = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal($"{t.Target.Describe()} is read-only: Liaison needs to write to the file and its folder", DatabaseProblems.Describe(e, t.Target)?.En);
        Assert.Contains("是只读的", DatabaseProblems.Describe(e, t.Target)?.Zh, StringComparison.Ordinal);
    }
}
