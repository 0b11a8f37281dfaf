namespace Liaison.Domain.Shared;

/// <summary>
/// Why something was refused: the field it concerns (an input's name, as a form, the API's
/// ProblemDetails and an import's error list name it) and the reason in both languages. Stores and
/// rules return it; the page, endpoint or command that shows it picks the language, so no language
/// is passed into Data or Domain.
/// </summary>
public sealed record Problem(string Field, string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;
}
