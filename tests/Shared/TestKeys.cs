using System.Runtime.CompilerServices;
using Liaison.Data.Privacy;

namespace Liaison.Tests.Shared;

/// <summary>Tests encrypt personal data with a key file of their own in /tmp, never the user's.</summary>
internal static class TestKeys
{
    [ModuleInitializer]
    internal static void UseTemporaryKeys()
    {
        if (Environment.GetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable) is null)
        {
            // A folder of the process's own: the key file and the audit heads beside it.
            var dir = Path.Combine(Path.GetTempPath(), "liaison-test-keys-" + Environment.ProcessId);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
            var path = Path.Combine(dir, "keys.json");
            Environment.SetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable, path);
            PersonalDataKeys.Create(path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        }
    }
}
