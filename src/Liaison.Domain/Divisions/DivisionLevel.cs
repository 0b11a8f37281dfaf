namespace Liaison.Domain.Divisions;

/// <summary>The five levels of China's statistical division tree (行政区划).</summary>
public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>Whether a village-level unit is a village (村委会) or an urban community (居委会/社区).</summary>
public enum VillageKind
{
    Village = 1,
    Community = 2,
}

/// <summary>Village type used by First Secretary matching (村情). A village may be several at once.</summary>
[Flags]
public enum VillageType
{
    None = 0,
    /// <summary>难村</summary>
    Difficult = 1,
    /// <summary>乱村</summary>
    Disorderly = 2,
    /// <summary>穷村</summary>
    Poor = 4,
    /// <summary>专业村</summary>
    Specialised = 8,
}

/// <summary>Grade of a village party organisation (分类定级).</summary>
public enum PartyOrgGrade
{
    /// <summary>先进</summary>
    Advanced = 1,
    /// <summary>一般</summary>
    General = 2,
    /// <summary>后进</summary>
    Backward = 3,
}
