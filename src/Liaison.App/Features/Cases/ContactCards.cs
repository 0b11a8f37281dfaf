using Liaison.App.Web.Pdf;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Cases;

/// <summary>One card: who it belongs to and where its QR code leads.</summary>
public sealed record ContactCard(string Village, string VillageCode, string? CadreName, string? CadreCode, string? Unit, string Url, string Telephone);

/// <summary>
/// 民情联系卡: a card per cadre tied to a village (one for the village when none is), eight to an A4
/// page, each with the cadre's name and unit, the supervision telephone, and a QR code (also a link)
/// to the village's public form. No cadre's own phone is printed: the form reaches the work group.
/// </summary>
public static class ContactCards
{
    /// <summary>The cards of a village within <paramref name="scoped"/>'s reach; a code outside it is no village.</summary>
    public static async Task<List<ContactCard>> ForVillageAsync(LiaisonDb db, Scoped scoped, TimeProvider clock, string village, string baseUrl, CancellationToken ct)
    {
        var division = await scoped.Divisions.Where(d => d.Code == village && d.Level == DivisionLevel.Village).Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct)
            ?? throw new ArgumentException($"{village}: 不是村代码 / not a village code", nameof(village));
        var year = ChinaTime.Today(clock).Year;
        var telephone = (await Data.Policy.PolicyStore.GetAsync(db, year, ct)).Policy.Public.Telephone;
        var cadres = await (from t in scoped.Ties
                            join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                            join u in scoped.UnitNames on c.UnitId equals u.Id
                            where t.DivisionCode == village && t.Until == null && t.Year == year
                            orderby c.Code
                            select new { c.Code, c.Name, Unit = u.Name }).Distinct().ToListAsync(ct);
        var root = baseUrl.TrimEnd('/');
        string Url(string? cadre) => $"{root}/public/report/{division.Code}" + (cadre is null ? "" : $"?cadre={Uri.EscapeDataString(cadre)}");
        return cadres.Count == 0
            ? [new ContactCard(division.Name, division.Code, null, null, null, Url(null), telephone)]
            : cadres.Select(c => new ContactCard(division.Name, division.Code, c.Name, c.Code, c.Unit, Url(c.Code), telephone)).ToList();
    }

    /// <summary>The cards as a PDF: searchable Chinese text, vector QR codes, each card's URL also a link.</summary>
    public static byte[] Pdf(IReadOnlyList<ContactCard> cards)
    {
        CjkFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "民情联系卡";
        const double mm = 72 / 25.4;
        const double cardWidth = 90 * mm, cardHeight = 62 * mm, marginX = 12 * mm, marginY = 14 * mm, gap = 6 * mm;
        var title = new XFont(CjkFonts.Family, 13);
        var text = new XFont(CjkFonts.Family, 9);
        var small = new XFont(CjkFonts.Family, 6.5);
        XGraphics? g = null;
        PdfPage? page = null;
        try
        {
            for (var i = 0; i < cards.Count; i++)
            {
                if (i % 8 == 0)
                {
                    g?.Dispose();
                    page = document.AddPage();
                    page.Size = PdfSharp.PageSize.A4;
                    g = XGraphics.FromPdfPage(page);
                }
                var card = cards[i];
                var x = marginX + ((i % 2) * (cardWidth + gap));
                var y = marginY + ((i % 8 / 2) * (cardHeight + gap));
                g!.DrawRectangle(new XPen(XColors.DarkRed, 1), x, y, cardWidth, cardHeight);
                g.DrawString("民情联系卡", title, XBrushes.DarkRed, new XRect(x + (4 * mm), y + (3 * mm), cardWidth - (8 * mm), 7 * mm), XStringFormats.TopLeft);
                var lines = new List<string> { $"村：{card.Village}" };
                if (card.CadreName is not null)
                {
                    lines.Add($"联系干部：{card.CadreName}");
                    lines.Add(card.Unit ?? "");
                }
                if (card.Telephone.Length > 0)
                {
                    // A telephone the office never set is not printed on a card a villager keeps.
                    lines.Add($"监督电话：{card.Telephone}");
                }
                lines.Add("扫码反映问题、建议或求助，");
                lines.Add("凭查询码查看办理进度。");
                for (var l = 0; l < lines.Count; l++)
                {
                    g.DrawString(lines[l], text, XBrushes.Black, new XRect(x + (4 * mm), y + (12 * mm) + (l * 5 * mm), 50 * mm, 5 * mm), XStringFormats.TopLeft);
                }
                var qrSize = 30 * mm;
                var qrX = x + cardWidth - qrSize - (3 * mm);
                var qrY = y + (10 * mm);
                PdfWriter.DrawQr(g, card.Url, qrX, qrY, qrSize);
                g.DrawString(card.Url, small, XBrushes.Gray, new XRect(x + (4 * mm), y + cardHeight - (6 * mm), cardWidth - (8 * mm), 4 * mm), XStringFormats.TopLeft);
                // The QR code is a link too, for anyone reading the PDF on a screen.
                page!.AddWebLink(new PdfRectangle(new XRect(qrX, page.Height.Point - qrY - qrSize, qrSize, qrSize)), card.Url);
            }
        }
        finally
        {
            g?.Dispose();
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
