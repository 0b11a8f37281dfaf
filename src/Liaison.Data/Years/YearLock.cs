using System.Data.Common;
using Liaison.Domain.Shared;
using Liaison.Domain.Years;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Years;

/// <summary>
/// A closed year's records are frozen (issue 23): no visit, stay, First Secretary activity, night
/// session or deed of it is added, changed or removed, and no commitment added to it, by any path
/// that saves through the context — forms, the phone's API, imports. Held here, once, rather than in
/// each store. Commitments already made and cases carry on: keeping a promise late is still recorded.
/// </summary>
public sealed class YearLock : SaveChangesInterceptor
{
    public static readonly YearLock Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var years = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IYearRecord && (e.Entity is Domain.Results.Commitment ? e.State == EntityState.Added : e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            .Select(e => ((IYearRecord)e.Entity).Year).Distinct().ToList();
        if (years.Count == 0)
        {
            return;
        }
        var closed = ClosedYears(context).Intersect(years).Order().ToList();
        if (closed.Count > 0)
        {
            var list = string.Join("、", closed);
            throw new RefusedException([new Problem("year", $"{list} 年度已关账，当年的记录不能再新增或修改", $"{string.Join(", ", closed)} is closed: its records are not added to or changed")
            { Code = "year-closed" }]);
        }
    }

    // Read on the context's own connection and transaction, beside the save: a query through the
    // context itself would be a second operation on it while it saves.
    private static List<int> ClosedYears(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            connection.Open();
        }
        try
        {
            using DbCommand command = connection.CreateCommand();
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT year FROM programme_years WHERE closed_at IS NOT NULL";
            using var reader = command.ExecuteReader();
            var years = new List<int>();
            while (reader.Read())
            {
                years.Add(reader.GetInt32(0));
            }
            return years;
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }
}
