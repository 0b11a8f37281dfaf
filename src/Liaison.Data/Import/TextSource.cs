using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;

namespace Liaison.Data.Import;

/// <summary>
/// Opens a text file (plain or .gz) with the right encoding: UTF-8, or GB18030 (a superset of GBK)
/// where government spreadsheets allow it. Bytes that do not decode become <see cref="BadByte"/>,
/// so that the reader can name the line; a truncated gzip is refused rather than read in part.
/// </summary>
public static class TextSource
{
    /// <summary>A noncharacter no valid file contains; the decoders put it where bytes were bad.</summary>
    public const char BadByte = '\uFFFF';

    private const int SniffBytes = 1 << 20;

    static TextSource()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the file for reading as text; the encoding's name is returned for messages.</summary>
    /// <summary>
    /// Opens the file for reading as text; the encoding's name is returned for messages, and how
    /// much of the file (on disk) has been read, for progress bars.
    /// </summary>
    public static (TextReader Reader, string EncodingName, Func<double> Fraction) Open(string path, bool allowGb18030)
    {
        var name = Path.GetFileName(path);
        var encoding = Detect(path, name, allowGb18030);
        var (stream, file) = OpenBytes(path, name);
        var length = Math.Max(1, file.Length);
        return (new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16),
            encoding.CodePage switch { 65001 => "UTF-8", 1200 or 1201 => "UTF-16", _ => "GB18030" },
            // After the last row the file is closed: then all of it has been read.
            () => file.CanSeek ? (double)file.Position / length : 1);
    }

    private static (Stream Stream, FileStream File) OpenBytes(string path, string name)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return (IsGzip(path) ? new VerifiedGzipStream(file, name) : file, file);
    }

    private static Encoding Detect(string path, string name, bool allowGb18030)
    {
        var sample = new byte[SniffBytes];
        int n;
        using (var s = OpenBytes(path, name).Stream)
        {
            n = s.ReadAtLeast(sample, SniffBytes, throwOnEndOfStream: false);
        }
        var bytes = sample.AsSpan(0, n);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return MarkedUtf8();
        }
        // Excel's "Unicode text": UTF-16 with its byte-order mark (the mark is read as U+FEFF and cleaned from the header).
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.GetEncoding("utf-16", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(BadByte.ToString()));
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.GetEncoding("utf-16BE", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(BadByte.ToString()));
        }
        // A multi-byte character may be cut at the sample's end: judge all but its last few bytes.
        var judged = n == SniffBytes ? bytes[..^4] : bytes;
        if (Utf8Prefix(judged))
        {
            return MarkedUtf8();
        }
        if (allowGb18030 && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var gb = MarkedGb18030();
            if (gb.GetString(judged).IndexOf(BadByte, StringComparison.Ordinal) < 0)
            {
                return gb;
            }
        }
        // Decode as UTF-8 anyway: the reader stops at the first bad byte and names its line.
        return MarkedUtf8();
    }

    private static bool Utf8Prefix(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return true;
        }
        // Allow a character cut in half at the very end of the sample.
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }
        return false;
    }

    private static Encoding MarkedUtf8() =>
        Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(BadByte.ToString()));

    private static Encoding MarkedGb18030() =>
        Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(BadByte.ToString()));

    /// <summary>
    /// .NET's GZipStream ends quietly at the end of a truncated file. This one checks the gzip
    /// trailer (CRC-32 and length) at the end and refuses a file that does not match.
    /// </summary>
    private sealed class VerifiedGzipStream : Stream
    {
        private readonly FileStream _file;
        private readonly GZipStream _gzip;
        private readonly string _name;
        private readonly Crc32 _crc = new();
        private readonly uint _expectedCrc;
        private readonly uint _expectedLength;
        private readonly bool _tooShort;
        private long _length;
        private bool _verified;

        public VerifiedGzipStream(FileStream file, string name)
        {
            _file = file;
            _name = name;
            if (file.Length < 18)
            {
                _tooShort = true;
            }
            else
            {
                Span<byte> trailer = stackalloc byte[8];
                file.Seek(-8, SeekOrigin.End);
                file.ReadExactly(trailer);
                file.Seek(0, SeekOrigin.Begin);
                _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
            }
            _gzip = new GZipStream(file, CompressionMode.Decompress);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_tooShort)
            {
                throw Refuse("shorter than a gzip header and trailer");
            }
            int n;
            try
            {
                n = _gzip.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw Refuse(e.Message);
            }
            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _length += n;
            }
            else if (!_verified)
            {
                _verified = true;
                if (_crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
                {
                    throw Refuse($"CRC/length mismatch after {_length} bytes");
                }
            }
            return n;
        }

        private ImportRefusedException Refuse(string detail) => new(new ImportProblem(_name, null, null, ImportReason.TruncatedGzip, detail));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gzip.Dispose();
                _file.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
