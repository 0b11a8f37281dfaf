using System.IO.Compression;
using System.Text;

namespace Liaison.Data.Tests;

/// <summary>Files a test writes for itself in its own temporary folder.</summary>
public sealed class TestFiles : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("liaison-files-").FullName;

    public string Text(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string Bytes(string name, byte[] content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Gzip(string name, string content)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(content));
        }
        return Bytes(name, ms.ToArray());
    }

    /// <summary>Jining's real division file as the project ships it.</summary>
    public static string JiningCsv
    {
        get
        {
            using var stream = typeof(Liaison.Data.Demo.JiningDivisions).Assembly.GetManifestResourceStream("jining-3708.csv")!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    public void Dispose() => Directory.Delete(Dir, true);
}
