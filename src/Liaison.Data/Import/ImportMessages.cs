using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>The words of every import refusal, in both languages.</summary>
public static class ImportMessages
{
    private static readonly Dictionary<ImportReason, (string Zh, string En)> Texts = new()
    {
        [ImportReason.FileNotFound] = ("文件不存在", "file not found"),
        [ImportReason.UnsupportedFormat] = ("不支持的文件类型“{0}”，请使用 .xlsx、.xls、.csv、.csv.gz 或 Unicode 文本（.txt）", "unsupported file type '{0}': use .xlsx, .xls, .csv, .csv.gz or Unicode text (.txt)"),
        [ImportReason.WrongEncoding] = ("文件编码错误：此处的字节不是有效的 {0}，请另存为 UTF-8 后重试", "wrong encoding: these bytes are not valid {0}; save the file as UTF-8 and try again"),
        [ImportReason.TruncatedGzip] = ("gzip 文件不完整或已损坏：{0}", "the gzip file is truncated or damaged: {0}"),
        [ImportReason.LineTooLong] = ("一行超过 {0} 个字符，文件可能已损坏或不是表格", "a line is longer than {0} characters: the file is damaged or not a table"),
        [ImportReason.UnterminatedQuote] = ("引号未闭合，直到文件结尾", "a quoted field is not closed before the end of the file"),
        [ImportReason.EmptyFile] = ("文件是空的，没有表头", "the file is empty: no header row"),
        [ImportReason.MissingColumn] = ("缺少列“{0}”（表头：{1}）", "missing column '{0}' (header: {1})"),
        [ImportReason.EmptyValue] = ("不能为空", "must not be empty"),
        [ImportReason.MalformedCode] = ("代码“{0}”格式错误：{1} 级代码应为 {2} 位数字", "malformed code '{0}': a {1} code has {2} digits"),
        [ImportReason.UnknownLevel] = ("层级“{0}”无效，应为 {1}", "unknown level '{0}': expected {1}"),
        [ImportReason.LevelNotBelowParent] = ("层级 {0} 不是上级 {1}（{2}）的下一级", "level {0} is not one below its parent {1} ({2})"),
        [ImportReason.UnknownParent] = ("上级代码 {0} 在文件和数据库中都不存在", "unknown parent {0}: in neither the file nor the database"),
        [ImportReason.CodeNotUnderParent] = ("代码 {0} 不以上级代码 {1} 开头", "code {0} does not start with its parent's code {1}"),
        [ImportReason.DuplicateKey] = ("“{0}”重复，第 {1} 行已出现", "duplicate '{0}': already on line {1}"),
        [ImportReason.InvalidValue] = ("值“{0}”无效，应为 {1}", "invalid value '{0}': expected {1}"),
        [ImportReason.UnknownVillage] = ("村代码 {0} 不存在，请先导入行政区划", "unknown village {0}: import the divisions first"),
        [ImportReason.NotAVillage] = ("{0}（{1}）不是村或社区", "{0} ({1}) is not a village or community"),
        [ImportReason.UnknownDivision] = ("行政区划代码 {0} 不存在", "unknown division {0}"),
        [ImportReason.UnknownUnit] = ("单位“{0}”不存在（既不是单位编码，也不是单位名称），请先导入单位", "unknown unit '{0}' (neither a unit code nor a unit name): import the units first"),
        [ImportReason.AmbiguousUnit] = ("单位名称“{0}”对应多个单位（编码 {1}），请填写单位编码", "the unit name '{0}' names several units (codes {1}): give the unit code"),
        [ImportReason.AmbiguousGrade] = ("职级“{0}”在{1}单位中不能确定项目角色，可选：{2}；请在“项目角色”列填写，或填写职务", "the grade '{0}' in a {1} unit does not say the programme role; the choices: {2}; give the programme role, or the post"),
        [ImportReason.NotAPhone] = ("“{0}”不是电话号码：手机为 11 位数字，座机须带区号（如 0539-1234567）", "'{0}' is not a phone number: a mobile has 11 digits, a landline its area code (e.g. 0539-1234567)"),
        [ImportReason.NoHeader] = ("在任何工作表的前 {0} 行中都找不到表头（应有列：{1}）", "no header row in the first {0} rows of any sheet (expected columns: {1})"),
        [ImportReason.UnknownScope] = ("--complete-for {0} 无效：应为{1}", "--complete-for {0} is not valid: expected {1}"),
        [ImportReason.OutsideJurisdiction] = ("{0} 不在您的辖区（{1}）内：只能导入本辖区的记录", "{0} lies outside your jurisdiction ({1}): you may import records of your jurisdiction only"),
        [ImportReason.RecordOutsideJurisdiction] = ("{0} 已登记在辖区外（{1}），不在您的辖区（{2}）内：请由其所在辖区或上级驻村办办理", "{0} is registered outside your jurisdiction ({1}, not in {2}): its own office or the office above handles it"),
        [ImportReason.EmptyCompleteRoster] = ("文件没有任何行，却声明为“{0}”的完整名册：这会结束其全部 {1} 条在册记录，已拒绝；确需如此请逐条办理", "the file has no row yet is declared the whole roster of {0}: that would end all {1} of its records, so it is refused; end them one by one if that is really meant"),
        [ImportReason.OutsideScope] = ("{0} 不在本文件声明为完整名册的范围（{1}）内：完整名册只能列出该范围内的记录", "{0} lies outside the scope the file is declared the whole roster of ({1}): a complete roster lists records of that scope only"),
        [ImportReason.HouseNoEnded] = ("本村门牌号 {0} 的农户{1}（{2}），门牌号留给原户的记录：新户请另用门牌号，如 {0}-1；原户不应在名册中则删去此行", "the household at house number {0} has {1} ({2}) and keeps the number on its record: give a new household another number, such as {0}-1, or remove the row"),
        [ImportReason.WithdrawnWithRecords] = ("代码 {0}（{1}）不在新名单中，将被撤销，但仍有记录：{2}。请在村庄合并表中写明它并入哪个村（命令行 --merges），或确认撤销（命令行 --withdraw）；未写入任何数据",
            "code {0} ({1}) is not in the newer list and would be withdrawn, but records point at it: {2}. Name the village it merged into in the merges file (--merges on the command line), or confirm the withdrawal (--withdraw); nothing was written"),
        [ImportReason.MergeNotWithdrawn] = ("代码 {0} 不在本次撤销之列（新名单中仍有它、库中没有它或早已撤销），不能并入其他村", "code {0} is not withdrawn by this list (the list still has it, the database has no such code, or it was withdrawn before): it cannot merge into another village"),
        [ImportReason.MergeIntoUnknown] = ("并入代码 {0} 不是新名单中的村（社区）", "the code merged into, {0}, is not a village (or community) of the newer list"),
        [ImportReason.WithdrawnCode] = ("代码 {0} 已于 {1} 撤销（{2}）", "code {0} was withdrawn on {1} ({2})"),
        [ImportReason.UnknownRoot] = ("--root {0} 不在文件中", "--root {0} is not in the file"),
        [ImportReason.TooManyProblems] = ("共 {0} 个错误，只列出前 {1} 个", "{0} problems in all: only the first {1} are listed"),
        [ImportReason.UnknownCall] = ("{0} 年度没有 {1} 的第一书记选派，请先开启选派", "no {0} First Secretary call of {1}: open the calls first"),
        [ImportReason.UnknownCadre] = ("干部编号 {0} 不存在，请先导入干部", "unknown cadre {0}: import the cadres first"),
        [ImportReason.NotOfCall] = ("{0} 不是本次选派单位（{1}）的干部", "{0} does not serve in a unit of the call ({1})"),
        [ImportReason.NotATeamDivision] = ("{0}（{1}）不是县市区、乡镇或村：工作团、工作队、工作组分别派驻县市区、乡镇、村", "{0} ({1}) is not a county, township or village: teams are stationed in a county, a township or a village"),
        [ImportReason.CadreNotActive] = ("干部 {0}（{1}）不在岗，不能加入工作团队", "cadre {0} ({1}) is not serving and cannot join a team"),
        [ImportReason.CadreNameDiffers] = ("干部编号 {0} 登记的姓名是“{1}”，不是“{2}”：请核对编号", "staff number {0} is registered as '{1}', not '{2}': check the number"),
        [ImportReason.TeamDiffers] = ("同一工作团队（{0}）在第 {1} 行写的是“{2}”", "the same team ({0}) reads '{2}' on line {1}"),
        [ImportReason.TwoHeads] = ("{0} 已有负责人 {1}：一个团队只有一名负责人，请把其中一人改为副职或成员（在岗负责人可在团队页面离队）", "{0} already has a head, {1}: a team has one head; make one of them a deputy or a member (a serving head leaves on the team's page)"),
        [ImportReason.UnknownVillageName] = ("没有名为“{0}”的村（社区）{1}", "no village or community named '{0}'{1}"),
        [ImportReason.AmbiguousVillage] = ("村名“{0}”对应多个村：{1}；请填写村代码或乡镇", "the village name '{0}' names several villages ({1}): give the village code or the township"),
        [ImportReason.RuleRefused] = ("{0}", "{0}"),
        [ImportReason.AlreadyRegistered] = ("{0} 本年度已在另一选派（{1}）报名", "{0} has registered in another call of the year ({1})"),
    };

    /// <summary>A problem told in both languages, with its place: file, line, column.</summary>
    public static Term Render(ImportProblem p)
    {
        var (zh, en) = Texts[p.Reason];
        string Fill(string text, bool english) => string.Format(CultureInfo.InvariantCulture, text, p.Args.Select(a => (object)a.In(english)).ToArray());
        var placeZh = p.File + (p.Line is { } lz ? $" 第 {lz} 行" : "") + (p.Column is { } cz ? $"，列“{cz}”" : "");
        var placeEn = p.File + (p.Line is { } l ? $", line {l}" : "") + (p.Column is { } c ? $", column {c}" : "");
        return new Term($"{placeZh}：{Fill(zh, false)}", $"{placeEn}: {Fill(en, true)}");
    }
}
