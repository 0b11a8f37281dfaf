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
            var path = Path.Combine(Path.GetTempPath(), "liaison-test-keys-" + Environment.ProcessId + ".json");
            Environment.SetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable, path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        }
    }
}
