using Liaison.Domain.Shared;

namespace Liaison.Data.People;

/// <summary>The refusal of a staff number naming no active cadre, as every store that takes one says it.</summary>
internal static class CadreRefusals
{
    public static Problem UnknownActive(string code) =>
        new("cadre", $"没有编号为 {code} 的在职干部", $"no active cadre with staff number {code}") { Code = "unknown" };
}
