namespace Liaison.Data.Import;

/// <summary>
/// The headers offices use for Liaison's columns, in one table for every import (docs/IMPORTS.md):
/// by the template's own Chinese header, the other headers taken for it, in the order they are
/// preferred when a file has more than one of them (a roster with both 职级 and 职务 gives the role
/// from 职级). Headers are compared folded (full-width to half-width), without spaces, and without
/// a required mark (*) or a note in brackets: "*出生年月（年）" reads as 出生年月.
/// </summary>
public static class HeaderSynonyms
{
    private static readonly Dictionary<string, string[]> Table = new(StringComparer.Ordinal)
    {
        // Cadres
        ["干部编号"] = ["人员编号", "工号", "职工编号", "职工号", "人员代码", "干部代码", "编号", "staff_no", "cadre_code"],
        ["姓名"] = ["干部姓名", "人员姓名", "名字"],
        ["单位"] = ["单位编码", "单位代码", "所在单位", "工作单位", "单位名称", "所在单位名称", "unit_code", "unit_name"],
        ["项目角色"] = ["职级", "职务职级", "职级职务", "现职级", "级别", "职务", "现任职务", "rank", "role"],
        ["职务"] = ["现任职务", "职务名称", "岗位", "post"],
        ["后备干部"] = ["是否后备干部", "是否为后备干部", "后备"],
        ["民警"] = ["是否民警", "是否为民警", "公安民警"],
        ["新提拔无基层经历"] = ["是否新提拔无基层经历", "新提拔且无基层工作经历", "新提拔"],
        ["出生年份"] = ["出生年月", "出生日期", "出生年", "出生时间", "birth_date", "birthday"],
        ["性别"] = ["sex"],
        ["手机号码"] = ["手机号", "手机", "联系电话", "电话", "电话号码", "联系方式", "mobile"],
        // Units
        ["单位编码"] = ["单位代码", "机构代码", "机构编码", "统一社会信用代码"],
        ["单位名称"] = ["单位全称", "机构名称"],
        ["所属行政区划代码"] = ["行政区划代码", "区划代码", "所属区划代码"],
        ["类别"] = ["单位类别", "单位类型"],
        ["层级"] = ["单位层级", "级次"],
        // Households
        ["村代码"] = ["村（社区）代码", "村(社区)代码", "村居代码", "村编码", "村级代码", "所在村代码"],
        ["门牌号"] = ["门牌", "户号", "门牌号码"],
        ["户主姓名"] = ["户主", "户主名"],
        ["户主电话"] = ["联系电话", "户主手机", "户主手机号", "电话", "手机号", "手机"],
        ["家庭人口"] = ["家庭人口数", "人口数", "家庭人数", "户人口"],
        // Candidates
        ["年度"] = ["年份"],
        ["选派区划代码"] = ["选派单位区划代码"],
        ["家乡区划代码"] = ["籍贯区划代码", "家乡代码"],
        // Divisions
        ["代码"] = ["区划代码", "统计用区划代码", "行政区划代码"],
        ["名称"] = ["区划名称", "行政区划名称"],
        ["上级代码"] = ["上级区划代码", "父级代码"],
    };

    /// <summary>The other headers taken for the column whose template header is <paramref name="zhHeader"/>.</summary>
    public static IReadOnlyList<string> Of(string zhHeader) => Table.TryGetValue(zhHeader, out var s) ? s : [];

    /// <summary>Every row of the table, for docs and tests.</summary>
    public static IReadOnlyDictionary<string, string[]> All => Table;

    /// <summary>A header as compared: folded, without spaces, a required mark or a bracketed note.</summary>
    public static string Clean(string header)
    {
        var h = CellNormaliser.Code(header).Trim('*', '＊', '※', ':', '：');
        // A note in brackets at the end: 出生年月(年), 手机号码（必填）.
        if (h.EndsWith(')') && h.IndexOf('(', StringComparison.Ordinal) is > 0 and var open)
        {
            h = h[..open];
        }
        return h.Trim('*');
    }
}
