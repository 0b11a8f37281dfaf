using System.Text;

namespace Liaison.Bench;

/// <summary>A minimal RFC 4180 reader (quotes, doubled quotes, CRLF or LF), independent of the product's reader.</summary>
internal static class Csv
{
    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public static List<string>? Read(TextReader reader)
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    throw new InvalidDataException("unterminated quote at the end of the file");
                }
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c < 0 || c == '\n')
            {
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                // The '\n' ends the record on the next turn.
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append((char)c);
            }
            c = reader.Read();
        }
    }
}
