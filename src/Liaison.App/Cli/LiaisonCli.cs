using System.CommandLine;

namespace Liaison.App.Cli;

/// <summary>The command tree of <c>liaison</c>. Each area adds its commands in its own file.</summary>
public static class LiaisonCli
{
    /// <summary>The tree, with the clock every command reads the time from (<see cref="CommandRunner.Clock"/>): the system's, or a test's.</summary>
    public static RootCommand Build(TimeProvider clock)
    {
        var root = new LiaisonRootCommand(clock)
        {
            CliOptions.Db, CliOptions.Lang, CliOptions.Json,
        };
        var serve = ServeCommand.Build();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(ImportCommands.Build());
        root.Subcommands.Add(TemplateCommands.Build());
        root.Subcommands.Add(ExportCommands.Build());
        root.Subcommands.Add(DemoCommands.Build());
        root.Subcommands.Add(AuditCommands.Build());
        root.Subcommands.Add(UserCommands.Users());
        root.Subcommands.Add(UserCommands.Tokens());
        root.Subcommands.Add(KeyCommands.Build());
        root.Subcommands.Add(Features.Policy.PolicyCommands.Build());
        root.Subcommands.Add(Features.Policy.CityCommands.Build());
        root.Subcommands.Add(Features.Liaisons.LiaisonCommands.Plan());
        root.Subcommands.Add(Features.Liaisons.LiaisonCommands.Check());
        root.Subcommands.Add(Features.Secretaries.SecretaryCommands.Build());
        root.Subcommands.Add(Features.Cases.CaseCommands.Cases());
        root.Subcommands.Add(Features.Cases.CaseCommands.Cards());
        root.Subcommands.Add(Features.People.PeopleCommands.Cadres());
        root.Subcommands.Add(Features.People.PeopleCommands.Households());
        root.Subcommands.Add(Features.People.PeopleCommands.Units());
        root.Subcommands.Add(Features.Reports.ReportCommands.Build());
        root.Subcommands.Add(Features.Supervision.SupervisionCommands.Build());
        root.Subcommands.Add(Features.Assessment.AssessmentCommands.Build());
        root.Subcommands.Add(Features.Years.YearCommands.Build());
        foreach (var option in serve.Options)
        {
            if (!root.Options.Contains(option))
            {
                root.Options.Add(option);
            }
        }
        // No command means serve, with serve's options.
        root.Action = serve.Action;
        return root;
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, TimeProvider.System);

    public static async Task<int> RunAsync(string[] args, TimeProvider clock)
    {
        if (ServeCommand.IsHostSettings(args))
        {
            return await ServeCommand.ServeAsync(null, ServeCommand.DefaultUrls, args, CancellationToken.None);
        }
        // Exceptions reach the caller (and WebApplicationFactory) instead of being printed by the parser.
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        return await Build(clock).Parse(args).InvokeAsync(config);
    }
}

/// <summary>The root of the tree, holding what the host gives every command (as the web app's services do).</summary>
internal sealed class LiaisonRootCommand(TimeProvider clock) : RootCommand("Liaison 驻村联系服务平台 — the cadre village-liaison programme of a city")
{
    public TimeProvider Clock { get; } = clock;
}
