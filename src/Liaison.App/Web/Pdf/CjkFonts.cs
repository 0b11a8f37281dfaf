using PdfSharp.Fonts;

namespace Liaison.App.Web.Pdf;

/// <summary>
/// The Chinese font of every PDF Liaison writes: a TrueType CJK font embedded as a subset, so the
/// text can be searched and copied. PDFsharp reads TrueType outlines only (Noto CJK's CFF outlines
/// come out blank) and not font collections, so face 0 is cut out of the collection
/// (docs/decisions/0009). The font is WenQuanYi Zen Hei (fonts-wqy-zenhei) unless
/// <c>LIAISON_PDF_FONT</c> names another TrueType font or collection.
/// </summary>
public sealed class CjkFonts : IFontResolver
{
    public const string Family = "CJK";
    public const string EnvironmentVariable = "LIAISON_PDF_FONT";
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly Lazy<byte[]> _face;

    private CjkFonts(string path) => _face = new(() => Load(path));

    /// <summary>Makes the font PDFsharp's, once per process; a missing font is a clear error naming the package.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } p ? p : DefaultPath;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"PDF 需要中文 TrueType 字体：{path} 不存在（apt-get install fonts-wqy-zenhei，或设置 {EnvironmentVariable}） / " +
                    $"PDFs need a Chinese TrueType font: {path} is missing (apt-get install fonts-wqy-zenhei, or set {EnvironmentVariable})", path);
            }
            GlobalFontSettings.FontResolver = new CjkFonts(path);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family);

    public byte[]? GetFont(string faceName) => _face.Value;

    private static byte[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 4 && U32(bytes, 0) == 0x74746366 ? FirstFace(bytes) : bytes;
    }

    /// <summary>Face 0 of a TrueType collection as a standalone font: its table directory, then each table, offsets rewritten.</summary>
    private static byte[] FirstFace(byte[] ttc)
    {
        var offset = (int)U32(ttc, 12);
        var tables = (ttc[offset + 4] << 8) | ttc[offset + 5];
        var header = 12 + (16 * tables);
        var total = header;
        for (var i = 0; i < tables; i++)
        {
            total += ((int)U32(ttc, offset + 12 + (16 * i) + 12) + 3) & ~3;
        }
        var font = new byte[total];
        Array.Copy(ttc, offset, font, 0, header);
        var position = header;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            var tableOffset = (int)U32(ttc, offset + record + 8);
            var length = (int)U32(ttc, offset + record + 12);
            Array.Copy(ttc, tableOffset, font, position, length);
            W32(font, record + 8, (uint)position);
            position += (length + 3) & ~3;
        }
        return font;
    }

    private static uint U32(byte[] b, int o) => (uint)((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]);

    private static void W32(byte[] b, int o, uint v)
    {
        b[o] = (byte)(v >> 24);
        b[o + 1] = (byte)(v >> 16);
        b[o + 2] = (byte)(v >> 8);
        b[o + 3] = (byte)v;
    }
}
