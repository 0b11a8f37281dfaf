using System.Text;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using NPOI.HSSF.UserModel;
using NPOI.SS.Util;

namespace Liaison.Data.Tests;

/// <summary>Rosters as HR offices write them (issue 19, item 4): every format, the same messy table, the same cadres.</summary>
public class RosterImportTests
{
    private const string Units = "单位编码,单位名称,层级,类别,所属行政区划代码\n" +
        "U1,汶上县公安局,县级,政法部门,370830\n" +
        "U2,南站镇党委政府,乡镇级,党政部门,370830100\n";

    /// <summary>
    /// A roster as an office keeps it: a title row, a blank row, a two-row header (a group row
    /// merged over 单位…出生年月 and over 手机号, the other headers merged down), full-width digits
    /// and spaces, grades, dates, 男性/F/M, a unit by its name, phones with +86, dashes, brackets,
    /// a comma-only row and a footer row with a note beneath it.
    /// </summary>
    private static readonly string[][] Messy =
    [
        ["2026年度机关干部花名册", "", "", "", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],
        ["序号", "人员编号", "姓名", "基本信息", "", "", "", "", "是否后备干部", "联系方式"],
        ["", "", "", "单位", "职级", "职务", "性别", "出生年月", "", "手机号"],
        ["1", "Ｃ１", "张　伟", "U1", "一级科员", "", "男性", "1975年3月", "否", "+86 139 1234 5678"],
        ["2", "C2", "李 娜", "南站镇党委政府", "副科级", "党委委员、副镇长", "女", "1979.03", "是", "１３９-１２３４-５６７９"],
        ["", "", "", "", "", "", "", "", "", ""],
        ["3", "C3", "王芳", "U1", "副县级", "", "F", "1980-05-12", "√", "0537 1234567"],
        ["4", "C4", "赵强", "Ｕ１", "四级主任科员", "", "M", "197506", "N", "(0539)7654321"],
        ["合计", "4人", "", "", "", "", "", "", "", ""],
        ["填表人：李四", "", "", "", "", "", "", "", "", ""],
    ];

    private static async Task<(TestDb, LiaisonDb, TestFiles)> ReadyAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("base.csv", DivisionImportTests.Base), null, null, default);
        await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Text("units.csv", Units), null, default);
        return (t, db, files);
    }

    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in new[] { "postgres", "sqlite" })
        {
            foreach (var f in new[] { "xlsx", "xls", "gbk.csv", "utf16.txt" })
            {
                data.Add(p, f);
            }
        }
        return data;
    }

    private static string Write(TestFiles files, string format, string[][] table)
    {
        switch (format)
        {
            case "xlsx":
                {
                    var path = Path.Combine(files.Dir, "roster.xlsx");
                    static List<Dictionary<string, object>> Rows(string[][] rows) =>
                        rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), Value: (object)v)).ToDictionary(x => x.Key, x => x.Value)).ToList();
                    var sheets = new Dictionary<string, object>
                    {
                        ["填表说明"] = Rows([["填表说明：请按下表填写"], ["人员编号填写组织部门分配的编号"]]),
                        ["花名册"] = Rows(table),
                    };
                    MiniExcel.SaveAs(path, sheets, printHeader: false);
                    return path;
                }
            case "xls":
                return files.Bytes("roster.xls", Xls(table));
            case "gbk.csv":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return files.Bytes("roster.csv", Encoding.GetEncoding("GB18030").GetBytes(Csv(table, ",")));
            default:
                // Excel's "Unicode text": UTF-16 little-endian with its mark, tab-separated.
                return files.Bytes("roster.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv(table, "\t"))]);
        }
    }

    private static string Csv(string[][] table, string delimiter) =>
        string.Concat(table.Select(r => r.All(c => c.Length == 0) && delimiter == "," && r == table[1] ? "\r\n" : string.Join(delimiter, r) + "\r\n"));

    /// <summary>An Excel 97–2003 workbook as HR offices send it: an instruction sheet first, real merged header cells, a birth date as a date cell.</summary>
    private static byte[] Xls(string[][] table)
    {
        var book = new HSSFWorkbook();
        var help = book.CreateSheet("填表说明");
        help.CreateRow(0).CreateCell(0).SetCellValue("填表说明：请按下表填写，不要改动表头");
        var sheet = book.CreateSheet("花名册");
        var dateStyle = book.CreateCellStyle();
        dateStyle.DataFormat = book.CreateDataFormat().GetFormat("yyyy-mm-dd");
        for (var r = 0; r < table.Length; r++)
        {
            if (table[r].All(c => c.Length == 0) && r == 1)
            {
                continue;
            }
            var row = sheet.CreateRow(r);
            for (var c = 0; c < table[r].Length; c++)
            {
                var value = table[r][c];
                if (value.Length == 0)
                {
                    continue;
                }
                var cell = row.CreateCell(c);
                if (DateTime.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    cell.SetCellValue(date);
                    cell.CellStyle = dateStyle;
                }
                else if (c == 0 && int.TryParse(value, out var n))
                {
                    cell.SetCellValue(n);
                }
                else
                {
                    cell.SetCellValue(value);
                }
            }
        }
        sheet.AddMergedRegion(new CellRangeAddress(0, 0, 0, 9));
        sheet.AddMergedRegion(new CellRangeAddress(2, 2, 3, 7));
        foreach (var c in new[] { 0, 1, 2, 8 })
        {
            sheet.AddMergedRegion(new CellRangeAddress(2, 3, c, c));
        }
        using var ms = new MemoryStream();
        book.Write(ms);
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_messy_roster_imports_as_the_office_meant_it(string provider, string format)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var path = Write(files, format, Messy);

            var result = await new CadreImporter(TimeProvider.System).ImportAsync(db, path, null, default);

            Assert.Equal(4, result.Rows);
            var report = result.Report!;
            Assert.Equal(format is "xlsx" or "xls" ? "花名册" : null, report.Sheet);
            Assert.Equal(4, report.HeaderLine);
            Assert.True(report.TwoRowHeader);
            Assert.Equal(10, report.Footer!.Line);
            Assert.Equal("合计", report.Footer.Text);
            Assert.Equal(1, report.Footer.RowsAfter);
            Assert.Contains(report.Notes, n => n.Zh.Contains("两行表头", StringComparison.Ordinal));
            Assert.Contains(report.Normalisations, n => n.Line == 5 && n.Column == "手机号" && n.Before == "+86 139 1234 5678" && n.After == "13912345678");
            Assert.Contains(report.Normalisations, n => n.Line == 6 && n.Column == "单位" && n.After == "U2");
            Assert.Contains(report.Normalisations, n => n.Line == 5 && n.Column == "出生年月" && n.After == "1975");

            var cadres = await db.Cadres.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id);
            Assert.Equal(["C1", "C2", "C3", "C4"], cadres.Select(c => c.Code));
            Assert.Equal(["张伟", "李娜", "王芳", "赵强"], cadres.Select(c => c.Name));
            Assert.Equal([units["U1"], units["U2"], units["U1"], units["U1"]], cadres.Select(c => c.UnitId));
            Assert.Equal([CadreRank.Ordinary, CadreRank.TownshipLeader, CadreRank.CountyLeader, CadreRank.Ordinary], cadres.Select(c => c.Rank));
            Assert.Equal([1975, 1979, 1980, 1975], cadres.Select(c => c.BirthYear));
            Assert.Equal([Gender.Male, Gender.Female, Gender.Female, Gender.Male], cadres.Select(c => c.Gender));
            Assert.Equal([false, true, true, false], cadres.Select(c => c.IsReserve));
            Assert.Equal(["13912345678", "13912345679", "0537-1234567", "0539-7654321"], cadres.Select(c => c.Phone));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reimporting_a_full_width_roster_updates_the_same_cadres(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var importer = new CadreImporter(TimeProvider.System);
            await importer.ImportAsync(db, files.Text("a.csv", "干部编号,姓名,单位编码,职级,出生年份,性别\nC1,张伟,U1,一般干部,1985,男\nC2,李娜,U2,一般干部,1979,女\n"), null, default);
            await importer.ImportAsync(db, files.Text("b.csv", "人员编号,姓名,单位代码,职级,出生年月,性别\nＣ１,张伟,Ｕ１,科员,１９８５年,男\n Ｃ２ ,李　娜,Ｕ２,科员,1979-01-02,女性\n"), null, default);

            Assert.Equal(2, await db.Cadres.CountAsync());
            Assert.Equal(["C1", "C2"], await db.Cadres.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_preview_writes_nothing_and_tells_adds_changes_and_normalisations(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var importer = new CadreImporter(TimeProvider.System);
            await importer.ImportAsync(db, files.Text("a.csv", "干部编号,姓名,单位编码,项目角色,出生年份,性别,手机号码\nC1,张伟,U1,一般干部,1985,男,13900000001\nC2,李娜,U2,一般干部,1979,女,\n"), null, default);
            var audits = await db.AuditEntries.CountAsync();

            var preview = await importer.PreviewAsync(db, files.Text("b.csv",
                "人员编号,姓名,单位,职级,出生年月,性别,手机号\nＣ１,张伟,汶上县公安局,科员,1986年5月,男性,+86 139 0000 0001\nC2,李娜,U2,一般干部,1979,女,\nC3,孙丽,U2,四级主任科员,1990.01,女,\n"), default);

            Assert.False(preview.Written);
            Assert.True(preview.Acceptable);
            Assert.Equal(3, preview.Rows);
            Assert.Equal(1, preview.Adds);
            Assert.Equal(1, preview.Changes);
            Assert.Equal(1, preview.Unchanged);
            Assert.Equal(new RowAdded(4, "C3"), preview.Added.Single());
            var change = preview.Changed.Single();
            Assert.Equal((2L, "C1"), (change.Line, change.Key));
            var birth = change.Fields.Single();
            Assert.Equal("出生年份", birth.Column.Zh);
            Assert.Equal(("1985", "1986"), (birth.Before.Zh, birth.After.Zh));
            Assert.Contains(preview.Normalisations, n => n.Line == 2 && n.Column == "人员编号" && n.Before == "Ｃ１" && n.After == "C1");
            Assert.Contains(preview.Normalisations, n => n.Line == 2 && n.Column == "单位" && n.Before == "汶上县公安局" && n.After == "U1");
            Assert.Contains(preview.Normalisations, n => n.Line == 2 && n.Column == "职级" && n.Before == "科员" && n.After == "一般干部");
            Assert.Equal(preview.Normalisations.Count, preview.NormalisationCount);
            Assert.Null(preview.Sheet);
            Assert.Equal(1, preview.HeaderLine);

            db.ChangeTracker.Clear();
            Assert.Equal(2, await db.Cadres.CountAsync());
            Assert.Equal(1985, (await db.Cadres.SingleAsync(c => c.Code == "C1")).BirthYear);
            Assert.Equal(audits, await db.AuditEntries.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_preview_of_a_bad_file_lists_its_problems_with_the_total(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"C{i},某人,NOPE,一般干部,1985,男\n"));
            var preview = await new CadreImporter(TimeProvider.System).PreviewAsync(db, files.Text("bad.csv", "干部编号,姓名,单位编码,职级,出生年份,性别\n" + rows), default);

            Assert.False(preview.Acceptable);
            Assert.Equal(150, preview.ProblemCount);
            Assert.Equal(ImportProblems.Limit + 1, preview.Problems.Count);
            Assert.StartsWith("bad.csv：共 150 个错误，只列出前 100 个", preview.ProblemMessages[^1].Zh, StringComparison.Ordinal);
            Assert.Equal(0, await db.Cadres.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_ambiguous_grade_is_refused_with_the_choices(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var path = files.Text("c.csv", "干部编号,姓名,单位,职级,职务,出生年份,性别\nC1,张伟,U2,副科级,党委委员,1985,男\nC2,李娜,U2,副科级,,1979,女\nC3,王芳,U2,正科级,站长,1980,女\n");

            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(TimeProvider.System).ImportAsync(db, path, null, default));

            Assert.Equal([3L, 4L], e.ImportProblems.Select(p => p.Line!.Value));
            Assert.All(e.ImportProblems, p => Assert.Equal(ImportReason.AmbiguousGrade, p.Reason));
            Assert.Contains("可选：乡镇党政班子成员、一般干部", e.ImportProblems[0].Message().Zh, StringComparison.Ordinal);
            Assert.Contains("the choices: township leader, ordinary cadre", e.ImportProblems[0].Message().En, StringComparison.Ordinal);
            Assert.Equal(0, await db.Cadres.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_unit_name_of_two_units_is_refused_with_their_codes(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Text("u.csv", "单位编码,单位名称,层级,类别,所属行政区划代码\nU3,汶上县公安局,县级,政法部门,370830\n"), null, default);

            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(TimeProvider.System).ImportAsync(db,
                files.Text("c.csv", "干部编号,姓名,单位,职级,出生年份,性别\nC1,张伟,汶上县公安局,一般干部,1985,男\n"), null, default));

            var problem = e.ImportProblems.Single();
            Assert.Equal(ImportReason.AmbiguousUnit, problem.Reason);
            Assert.Contains("U1、U3", problem.Message().Zh, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_phone_that_is_not_one_is_refused(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(TimeProvider.System).ImportAsync(db,
                files.Text("c.csv", "干部编号,姓名,单位,职级,出生年份,性别,手机号\nC1,张伟,U1,一般干部,1985,男,1234567\n"), null, default));

            var problem = e.ImportProblems.Single();
            Assert.Equal((ImportReason.NotAPhone, "手机号", 2L), (problem.Reason, problem.Column, problem.Line));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_workbook_with_no_roster_in_it_is_refused_naming_the_columns_not_the_instructions(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var path = Path.Combine(files.Dir, "help.xlsx");
            MiniExcel.SaveAs(path, new[] { new Dictionary<string, object> { ["A"] = "填表说明：请按模板填写" } }, printHeader: false);

            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(TimeProvider.System).ImportAsync(db, path, null, default));

            var problem = e.ImportProblems.Single();
            Assert.Equal(ImportReason.NoHeader, problem.Reason);
            Assert.Contains("干部编号、姓名、单位、项目角色、出生年份、性别", problem.Message().Zh, StringComparison.Ordinal);
            Assert.DoesNotContain("填表说明", problem.Message().Zh, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_household_preview_shows_categories_in_words_and_the_heads_name_masked(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            const string header = "村代码,门牌号,户主姓名,家庭人口,老党员,困难户\n";
            var importer = new HouseholdImporter(TimeProvider.System);
            await importer.ImportAsync(db, files.Text("a.csv", header + "370830100201,1号,王芳,4,是,\n"), null, default);

            var preview = await importer.PreviewAsync(db, files.Text("b.csv", header + "３７０８３０１００２０１,１号,王小芳,4,√,有\n370830100201,2号,赵强,2,,\n"), default);

            Assert.Equal((1L, 1L, 0L), (preview.Adds, preview.Changes, preview.Unchanged));
            var fields = preview.Changed.Single().Fields.ToDictionary(f => f.Column.Zh);
            Assert.Equal(("王*", "王**"), (fields["户主姓名"].Before.Zh, fields["户主姓名"].After.Zh));
            Assert.Equal(("老党员", "老党员、困难户"), (fields["类别"].Before.Zh, fields["类别"].After.Zh));
            Assert.Equal(1, await db.Households.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_division_preview_compares_by_code(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var preview = await DivisionImporter.PreviewAsync(db, files.Text("d.csv", DivisionImportTests.Base.Replace("前村村委会", "前进村委会", StringComparison.Ordinal)
                + "370830100202,后村村委会,village,370830100,village\n"), null, default);

            Assert.Equal((1L, 1L, 4L), (preview.Adds, preview.Changes, preview.Unchanged));
            Assert.Equal("前进村委会", preview.Changed.Single().Fields.Single().After.Zh);
            Assert.Equal(1, await db.Divisions.CountAsync(d => d.Code.StartsWith("3708301002")));
        }
    }
}

/// <summary>The cell forms offices type, and what each becomes (no database).</summary>
public class CellNormaliserTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData("139 1234 5678", "13912345678")]
    [InlineData("139-1234-5678", "13912345678")]
    [InlineData("+86 139 1234 5678", "13912345678")]
    [InlineData("+86-13912345678", "13912345678")]
    [InlineData("008613912345678", "13912345678")]
    [InlineData("8613912345678", "13912345678")]
    [InlineData("１３９１２３４５６７８", "13912345678")]
    [InlineData("0539-1234567", "0539-1234567")]
    [InlineData("(0539)1234567", "0539-1234567")]
    [InlineData("（0539）12345678", "0539-12345678")]
    [InlineData("010 12345678", "010-12345678")]
    [InlineData("02112345678", "021-12345678")]
    [InlineData("1234567", null)]
    [InlineData("12345678901", null)]
    [InlineData("+1 415 555 0100", null)]
    [InlineData("13912345678/13912345679", null)]
    [InlineData("无", null)]
    [InlineData("05390123456", null)]
    [InlineData("19912345678", "19912345678")]
    [InlineData("12912345678", null)]
    [InlineData("1391234567x", null)]
    [InlineData("1391234567８", "13912345678")]
    public void Phones_take_one_form(string cell, string? expected) => Assert.Equal(expected, CellNormaliser.Phone(cell));

    [Theory]
    [InlineData("1975", 1975)]
    [InlineData("1975年", 1975)]
    [InlineData("1975.03", 1975)]
    [InlineData("1975.3", 1975)]
    [InlineData("1975-03-12", 1975)]
    [InlineData("1975/3/12", 1975)]
    [InlineData("1975年3月", 1975)]
    [InlineData("1975年3月12日", 1975)]
    [InlineData("197503", 1975)]
    [InlineData("19750312", 1975)]
    [InlineData("27465", 1975)]
    [InlineData("1975-03-12 00:00:00", 1975)]
    [InlineData("1975/3/12 0:00", 1975)]
    [InlineData("１９７５年", 1975)]
    [InlineData("1975.13", null)]
    [InlineData("1975-02-30", null)]
    [InlineData("75", null)]
    [InlineData("一九七五", null)]
    [InlineData("", null)]
    public void Years_come_from_dates_as_offices_write_them(string cell, int? expected) => Assert.Equal(expected, CellNormaliser.Year(cell));

    [Theory]
    [InlineData("2026-03-12", "2026-03-12")]
    [InlineData("2026/3/1", "2026-03-01")]
    [InlineData("2026.03.05", "2026-03-05")]
    [InlineData("2026年3月1日", "2026-03-01")]
    [InlineData("20260310", "2026-03-10")]
    [InlineData("46082", "2026-03-01")]
    [InlineData("2026-03-12 00:00:00", "2026-03-12")]
    [InlineData("２０２６年３月１日", "2026-03-01")]
    [InlineData("2026年3月", null)]
    [InlineData("2026", null)]
    [InlineData("2026-02-30", null)]
    [InlineData("三月一日", null)]
    [InlineData("", null)]
    public void Days_come_from_dates_as_offices_write_them_and_a_month_alone_is_no_day(string cell, string? expected) =>
        Assert.Equal(expected, CellNormaliser.Date(cell)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("男", Gender.Male)]
    [InlineData("男性", Gender.Male)]
    [InlineData("M", Gender.Male)]
    [InlineData("male", Gender.Male)]
    [InlineData(" 女 ", Gender.Female)]
    [InlineData("女性", Gender.Female)]
    [InlineData("f", Gender.Female)]
    [InlineData("Female", Gender.Female)]
    [InlineData("未知", null)]
    public void Sex_in_its_usual_forms(string cell, Gender? expected) => Assert.Equal(expected, CellNormaliser.Sex(cell));

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("√", true)]
    [InlineData("有", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("否", false)]
    [InlineData("n", false)]
    [InlineData("×", false)]
    [InlineData("无", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData("也许", null)]
    public void Yes_and_no_in_their_usual_forms(string cell, bool? expected) => Assert.Equal(expected, CellNormaliser.YesNo(cell));

    [Theory]
    [InlineData("Ｃ０００１", "C0001")]
    [InlineData(" 3708　30 ", "370830")]
    [InlineData("C\u00A01", "C1")]
    [InlineData("1号", "1号")]
    [InlineData("１２号", "12号")]
    [InlineData("12号\u200B", "12号")]
    [InlineData("12\u3000号", "12号")]
    [InlineData("Ⅻ号", "XII号")]
    [InlineData("ｶ1", "カ1")]
    [InlineData("\u00BD号", "1\u20442号")]
    public void Codes_fold_and_lose_their_spaces(string cell, string expected) => Assert.Equal(expected, CellNormaliser.Code(cell));

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\t', true)]
    [InlineData('\r', true)]
    [InlineData('\u0085', true)]
    [InlineData('\u00A0', true)]
    [InlineData('\u3000', true)]
    [InlineData('\u200B', true)]
    [InlineData('\uFEFF', true)]
    [InlineData('a', false)]
    [InlineData('\u007F', false)]
    [InlineData('\u0000', false)]
    [InlineData('号', false)]
    public void Spaces_of_every_kind_and_nothing_else(char c, bool expected) => Assert.Equal(expected, CellNormaliser.IsSpace(c));

    [Fact]
    public void Names_lose_every_kind_of_space() => Assert.Equal("张伟", CellNormaliser.Name("张　伟\u00A0"));

    [Theory]
    [InlineData("*出生年月（年）", "出生年月")]
    [InlineData("手 机 号", "手机号")]
    [InlineData("人员编号\n", "人员编号")]
    public void Headers_are_compared_clean(string header, string expected) => Assert.Equal(expected, HeaderSynonyms.Clean(header));
}
