using Liaison.Domain.Shared;

namespace Liaison.Domain.Assessment;

/// <summary>The assessment pages' shared words.</summary>
public static class AssessmentWords
{
    public static Term Assessment { get; } = new("年度考核", "Year-end assessment");
    public static Term Group { get; } = new("考核对象", "Group");
    public static Term Score { get; } = new("得分", "Score");
    public static Term Grade { get; } = new("等次", "Grade");
    public static Term Rank { get; } = new("名次", "Rank");
    public static Term Capped { get; } = new("（限额）", " (capped)");
    public static Term Appeal { get; } = new("申诉", "Appeal");
    public static Term Answer { get; } = new("答复", "Answer");
    public static Term Evaluation { get; } = new("群众评议", "Masses' evaluation");
    public static Term ObservationAndComments { get; } = new("现场观摩与工作点评", "Observation and comments");
    public static Term TownshipCommittee { get; } = new("乡镇党委", "Township committee");
    public static Term Years { get; } = new("年度关账与开年", "Closing and opening years");
    public static Term NoneServes { get; } = new("本村本年度还没有驻村干部或第一书记。", "No cadre or First Secretary serves the village this year.");
    /// <summary>After a year's number: "2025 年度" (nothing in English).</summary>
    public static Term YearSuffix { get; } = new("年度", "");
}
