using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.App.Web;

/// <summary>
/// The page's language. Text is written in both languages: beside its one use as a pair, or once in
/// <see cref="Words"/> when used in more places (decision 0018); the programme's values in <see cref="Terms"/>.
/// </summary>
public static class Ui
{
    public static bool English => WebApp.English;

    public static string T(string zh, string en) => English ? en : zh;

    public static string T(Term term) => term.In(English);

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Lang => English ? "en" : "zh-CN";
}
