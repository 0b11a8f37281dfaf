using Liaison.Domain.Shared;

namespace Liaison.Data.Supervision;

/// <summary>The supervision stores' refusals shared by several of them, in one set of words.</summary>
public static class SupervisionRefusals
{
    public static Problem OutOfReach(string field, string code) =>
        new(field, $"没有区划 {code}，或不在你的范围内", $"no division {code} within your reach") { Code = "out-of-reach" };

    public static Problem NotFound(string what, string whatEn, long id) =>
        new("id", $"没有编号为 {id} 的{what}，或不在你的范围内", $"no {whatEn} {id} within your reach") { Code = "not-found" };
}
