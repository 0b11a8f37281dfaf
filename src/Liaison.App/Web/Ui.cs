using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.App.Web;

/// <summary>The page's language: each text is written in both, side by side, where it is used.</summary>
public static class Ui
{
    public static bool English => WebApp.English;

    public static string T(string zh, string en) => English ? en : zh;

    public static string T(Term term) => term.In(English);

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Lang => English ? "en" : "zh-CN";
}
