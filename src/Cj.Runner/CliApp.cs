using System.CommandLine;
using System.CommandLine.Help;
using Cj.Runner.Analyse;
using Cj.Runner.Run;
using Cj.Runner.Simulate;

namespace Cj.Runner;

/// <summary>The <c>eng5-np-run</c> command line.</summary>
internal static class CliApp
{
    public const string Name = "eng5-np-run";

    /// <summary>The root command, named explicitly so help reads the same however the binary is launched.</summary>
    public static Command Build(TextWriter output, TextWriter error) => Build(output, error, Environment.GetEnvironmentVariable);

    public static Command Build(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var root = new Command(
            Name,
            "ENG5 NP runner: comparative judgement of student essays with an LLM judge, Bradley–Terry scaling and grade projection from anchor essays. Runs the --mode given (plan by default), or a command.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        var run = new RunOptions(environment);
        foreach (var option in run.All)
        {
            root.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await new RunCommand(output, error, TimeProvider.System, environment).ExecuteAsync(run.Bind(parse), cancellationToken).ConfigureAwait(false);
            }
            catch (InputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        root.Add(AnalyseCommand.Create(output, error));
        root.Add(SimulateCommand.Create(output, error, environment));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Environment.GetEnvironmentVariable);

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var root = Build(output, error, environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'eng5-np-run --help' (or '<command> --help') for usage.");
            return ExitCodes.InvalidInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
