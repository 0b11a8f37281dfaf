using Liaison.App.Cli;

// One executable: `liaison` with no command serves the web app; the commands do the rest.
return await LiaisonCli.RunAsync(args);
