using System.Text;

namespace Liaison.Data.Import;

/// <summary>
/// An RFC 4180 reader that knows which line each record starts on, refuses runaway lines before
/// they fill memory, and stops at the first character that was not valid in the file's encoding.
/// A reader of our own rather than a library's: the messages must name the exact line, and the
/// decoder marks bad bytes with <see cref="TextSource.BadByte"/>, which only we know to look for.
/// </summary>
/// <remarks>The delimiter is a comma, or a tab for Excel's "Unicode text" (UTF-16, tab-separated).</remarks>
public sealed class CsvRecordReader(TextReader reader, string fileName, string encodingName, int maxRecordChars = CsvRecordReader.DefaultMaxRecordChars, char delimiter = ',')
{
    public const int DefaultMaxRecordChars = 1 << 16;

    private static readonly System.Buffers.SearchValues<char> CommaSpecial = System.Buffers.SearchValues.Create([',', '"', '\r', '\n', TextSource.BadByte]);
    private static readonly System.Buffers.SearchValues<char> TabSpecial = System.Buffers.SearchValues.Create(['\t', '"', '\r', '\n', TextSource.BadByte]);

    private readonly System.Buffers.SearchValues<char> _special = delimiter == '\t' ? TabSpecial : CommaSpecial;

    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _pos;
    private int _len;
    private long _line = 1;

    /// <summary>The line the last record returned started on (1-based).</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end. Blank lines are skipped.</summary>
    public bool Read(List<string> fields)
    {
        while (true)
        {
            fields.Clear();
            if (!Fill())
            {
                return false;
            }
            RecordLine = _line;
            ReadRecord(fields);
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                return true;
            }
        }
    }

    private void ReadRecord(List<string> fields)
    {
        var recordChars = 0;
        _field.Clear();
        var quoted = false;
        var fieldStart = true;
        while (Fill())
        {
            if (!quoted)
            {
                // Plain text up to the next character that matters is copied in one piece.
                var run = _buffer.AsSpan(_pos, _len - _pos).IndexOfAny(_special);
                var plain = run < 0 ? _len - _pos : run;
                if (plain > 0)
                {
                    recordChars += plain;
                    if (recordChars > maxRecordChars)
                    {
                        throw new ImportRefusedException(new ImportProblem(fileName, RecordLine, null, ImportReason.LineTooLong, maxRecordChars.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                    _field.Append(_buffer, _pos, plain);
                    _pos += plain;
                    fieldStart = false;
                    continue;
                }
            }
            var c = _buffer[_pos++];
            if (++recordChars > maxRecordChars)
            {
                throw new ImportRefusedException(new ImportProblem(fileName, RecordLine, null, ImportReason.LineTooLong, maxRecordChars.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (c == TextSource.BadByte)
            {
                throw new ImportRefusedException(new ImportProblem(fileName, _line, null, ImportReason.WrongEncoding, encodingName));
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (Fill() && _buffer[_pos] == '"')
                    {
                        _pos++;
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    _field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    break;
                case var d when d == delimiter:
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStart = true;
                    break;
                case '\r' when Fill() && _buffer[_pos] == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return;
                default:
                    _field.Append(c);
                    fieldStart = false;
                    break;
            }
        }
        if (quoted)
        {
            throw new ImportRefusedException(new ImportProblem(fileName, RecordLine, null, ImportReason.UnterminatedQuote));
        }
        fields.Add(_field.ToString());
    }

    private bool Fill()
    {
        if (_pos < _len)
        {
            return true;
        }
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
