using Liaison.Domain.Shared;

namespace Liaison.Domain.Supervision;

/// <summary>The sample designs' keys (for commands, forms and the API) and names.</summary>
public static class Designs
{
    public static SampleDesign? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "simple" => SampleDesign.Simple,
        "township" => SampleDesign.Township,
        "village" => SampleDesign.Village,
        "cadre" => SampleDesign.Cadre,
        "unit" => SampleDesign.Unit,
        "flags" => SampleDesign.Flags,
        _ => null,
    };

    public static string Key(SampleDesign design) => design.ToString().ToLowerInvariant();

    public static Term Name(SampleDesign design) => design switch
    {
        SampleDesign.Simple => new("简单随机", "a simple random sample"),
        SampleDesign.Township => new("乡镇分层", "stratified by township"),
        SampleDesign.Village => new("村分层", "stratified by village"),
        SampleDesign.Unit => new("单位分层", "stratified by unit"),
        SampleDesign.Flags => new("按异常提示分层", "stratified by flags"),
        _ => new("干部分层", "stratified by cadre"),
    };
}
