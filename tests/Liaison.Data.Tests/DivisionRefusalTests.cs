using System.Text;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>Every bad input of the issue: refused with its line, column and reason, the database unchanged.</summary>
public class DivisionRefusalTests
{
    private const string Header = DivisionImportTests.Header;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "postgres", "sqlite" })
        {
            foreach (var name in new[] { "unknown-parent", "duplicate-code", "level-not-below-parent", "malformed-code", "empty-name", "wrong-encoding", "truncated-gzip", "missing-column", "ten-megabyte-line", "unknown-level", "code-not-under-parent" })
            {
                data.Add(provider, name);
            }
        }
        return data;
    }

    private static (string Path, ImportReason Reason, long? Line, string? Column) Write(TestFiles files, string name)
    {
        const string good = "370830100202,后村村委会,village,370830100,village\n";
        switch (name)
        {
            case "unknown-parent":
                return (files.Text("a.csv", Header + good + "370830200201,东村村委会,village,370830200,village\n"), ImportReason.UnknownParent, 3, "parent_code");
            case "duplicate-code":
                return (files.Text("a.csv", Header + good + good), ImportReason.DuplicateKey, 3, "code");
            case "level-not-below-parent":
                return (files.Text("a.csv", Header + good + "370830300,北镇,township,3708,\n"), ImportReason.LevelNotBelowParent, 3, "level");
            case "malformed-code":
                return (files.Text("a.csv", Header + good + "37083010020,坏村村委会,village,370830100,village\n"), ImportReason.MalformedCode, 3, "code");
            case "empty-name":
                return (files.Text("a.csv", Header + good + "370830100203,,village,370830100,village\n"), ImportReason.EmptyValue, 3, "name");
            case "unknown-level":
                return (files.Text("a.csv", Header + good + "370830100203,西村村委会,hamlet,370830100,village\n"), ImportReason.UnknownLevel, 3, "level");
            case "code-not-under-parent":
                return (files.Text("a.csv", Header + good + "370811100203,西村村委会,village,370830100,village\n"), ImportReason.CodeNotUnderParent, 3, "parent_code");
            case "wrong-encoding":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                var bytes = Encoding.UTF8.GetBytes(Header + good).Concat(Encoding.GetEncoding("GBK").GetBytes("370830100203,西村村委会,village,370830100,village\n")).ToArray();
                return (files.Bytes("a.csv", bytes), ImportReason.WrongEncoding, 3, null);
            case "truncated-gzip":
                var full = files.Gzip("full.csv.gz", TestFiles.JiningCsv);
                var cut = File.ReadAllBytes(full);
                return (files.Bytes("a.csv.gz", cut[..(cut.Length / 2)]), ImportReason.TruncatedGzip, null, null);
            case "missing-column":
                return (files.Text("a.csv", "code,name,parent_code,village_kind\n370830100202,后村村委会,370830100,village\n"), ImportReason.MissingColumn, 1, null);
            case "ten-megabyte-line":
                return (files.Text("a.csv", Header + good + "370830100203," + new string('村', 10 * 1024 * 1024) + ",village,370830100,village\n"), ImportReason.LineTooLong, 3, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_its_place_and_nothing_is_written(string provider, string name)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("base.csv", DivisionImportTests.Base), null, null, default);
        var before = await Snapshot(db);
        var (path, reason, line, column) = Write(files, name);

        var e = await Assert.ThrowsAsync<ImportRefusedException>(() => DivisionImporter.ImportAsync(db, TimeProvider.System, path, null, null, default));

        var problem = e.ImportProblems[0];
        Assert.Equal(reason, problem.Reason);
        Assert.Equal(line, problem.Line);
        if (column is not null)
        {
            Assert.Equal(column, problem.Column);
        }
        Assert.Equal(Path.GetFileName(path), problem.File);
        Assert.Contains(Path.GetFileName(path), problem.Message().Zh, StringComparison.Ordinal);
        if (line is not null)
        {
            Assert.Contains($"第 {line} 行", problem.Message().Zh, StringComparison.Ordinal);
            Assert.Contains($"line {line}", problem.Message().En, StringComparison.Ordinal);
        }
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Snapshot(db));
    }

    private static async Task<string> Snapshot(LiaisonDb db)
    {
        var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.Code).Select(d => d.Code + d.Name).ToListAsync();
        var rollups = await db.Rollups.AsNoTracking().OrderBy(r => r.DivisionCode).ThenBy(r => r.IndicatorId).Select(r => r.DivisionCode + r.IndicatorId + r.Value).ToListAsync();
        return string.Join("|", divisions) + "#" + string.Join("|", rollups);
    }
}
