using System.Globalization;
using Liaison.App.Web;
using Liaison.Domain.Policy;

namespace Liaison.App.Features.Deeds;

/// <summary>A deed's kind and quantities as people read them, in the page's language: one home for the office pages, the commitment's page and the public page.</summary>
public static class DeedText
{
    /// <summary>A kind's name; a code no longer in the year's catalogue as it is.</summary>
    public static string Kind(DeedRules rules, string code) => rules.Find(code) is { } k ? Ui.T(k.Name, k.EnglishName) : code;

    /// <summary>A quantity: its kind's name for it, its value and its unit (长度 1.5 公里).</summary>
    public static string Quantity(DeedRules rules, string kind, string code, decimal value)
    {
        var q = rules.Find(kind)?.Quantities.FirstOrDefault(x => x.Code == code);
        var unit = q is null ? "" : Ui.T(DeedUnits.Word(q.Unit));
        return $"{(q is null ? code : Ui.T(q.Name, q.EnglishName))} {value.ToString("#,0.###", CultureInfo.InvariantCulture)} {unit}".Trim();
    }

    /// <summary>A deed's quantities in one line.</summary>
    public static string Quantities(DeedRules rules, DeedRow row) =>
        string.Join("；", row.Quantities.Select(q => Quantity(rules, row.Deed.Kind, q.Code, q.Value)));
}
