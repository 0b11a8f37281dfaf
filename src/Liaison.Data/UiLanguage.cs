
namespace Liaison.Data;

/// <summary>The two languages of Liaison: zh-CN by default, English on request.</summary>
public enum UiLanguage
{
    Chinese,
    English,
}

public static class UiLanguages
{
    public static UiLanguage Parse(string? text) =>
        text is not null && (text.StartsWith("en", StringComparison.OrdinalIgnoreCase)) ? UiLanguage.English : UiLanguage.Chinese;
}
