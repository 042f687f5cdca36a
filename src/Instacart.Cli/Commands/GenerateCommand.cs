using System.CommandLine;
using Instacart.Analysis.Synthetic;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary><c>instacart generate</c>: writes seeded synthetic data in the layout of the real files.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the data files into (created if missing).",
            Required = true,
        };
        var users = new Option<int>("--users")
        {
            Description = "How many customers to simulate (206209 is the real data's size).",
            DefaultValueFactory = _ => SyntheticOptions.Sample.Users,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed: the same users and seed give byte-identical files.",
            DefaultValueFactory = _ => SyntheticOptions.Sample.Seed,
        };
        var command = new Command("generate", "Write synthetic Instacart data (every input file, with the real files' quirks) calibrated to the real marginals.")
        {
            output, users, seed,
        };
        command.SetAction((parse, _) => Failures.Guard(() =>
        {
            var count = parse.GetValue(users);
            if (count <= 0)
            {
                throw new Analysis.Input.InputException("--users", 0, 0, null, "a positive number of users", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var summary = SyntheticGenerator.Write(parse.GetValue(output)!.FullName, new SyntheticOptions(count, parse.GetValue(seed)));
            AnsiConsole.WriteLine(summary.ToString());
            return Task.FromResult(0);
        }));
        return command;
    }
}
