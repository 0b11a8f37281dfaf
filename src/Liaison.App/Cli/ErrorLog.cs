namespace Liaison.App.Cli;

/// <summary>
/// Where the details of an unexpected failure go: <c>$LIAISON_LOG_DIR/liaison-errors.log</c>, or
/// beside the default database (<c>~/.local/share/liaison/</c>), owner-readable only. The terminal
/// gets one line naming the file.
/// </summary>
public static class ErrorLog
{
    public static string PathOf() => System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("LIAISON_LOG_DIR") is { Length: > 0 } dir ? dir
            : System.IO.Path.GetDirectoryName(Data.Database.DatabaseTarget.DefaultSqlitePath)!, "liaison-errors.log");

    /// <summary>Appends the exception with its stack; returns the log's path (or a note when it cannot be written).</summary>
    public static string Write(Exception e)
    {
        var path = PathOf();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            // The command's name only: its other arguments may hold a password.
            File.AppendAllText(path, $"{TimeProvider.System.GetUtcNow():O} liaison {string.Join(' ', Environment.GetCommandLineArgs().Skip(1).TakeWhile(a => !a.StartsWith('-')).Take(2))}\n{e}\n\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return path;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return path + " (not writable)";
        }
    }
}
