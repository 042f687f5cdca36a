using System.CommandLine;
using Instacart.Synthetic;
using Instacart.Data.Paths;
using Instacart.Notebooks.Publishing;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary><c>instacart generate</c>: writes seeded synthetic data in the layout of the real files.</summary>
internal static class GenerateCommand
{
    private const string StagingPrefix = ".instacart-staging-";

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the data files into: new, empty, or one generate wrote before (it holds " + SyntheticMarker.FileName + "). The files appear all at once when they are complete.",
            Required = true,
            CustomParser = result => CommonOptions.NonEmptyPath(result, "--out", text => new DirectoryInfo(text)),
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
        var command = new Command("generate", "Write synthetic Instacart data (every input file, with the real files' quirks) calibrated to the real marginals. " + ExitCodes.Summary)
        {
            output, users, seed,
        };
        command.SetAction((parse, _) => Failures.Guard(() =>
        {
            var count = parse.GetValue(users);
            if (count <= 0)
            {
                throw new Instacart.Data.Input.InputException("--users", 0, 0, null, "a positive number of users", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var target = RealPath.Of(parse.GetValue(output)!.FullName);
            EnsureOurs(target);
            var summary = WriteWhole(target, new SyntheticOptions(count, parse.GetValue(seed)));
            AnsiConsole.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Wrote {summary.Files.Count} files ({summary.TotalBytes:N0} bytes) to {summary.OutDir}: {summary.Users:N0} customers, {summary.Orders:N0} orders, {summary.PriorLines:N0} prior lines, in {summary.Elapsed.TotalSeconds:0.0} s"));
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>Only a new or empty folder, or one this command wrote before, receives generated data: never a user's folder.</summary>
    private static void EnsureOurs(string target)
    {
        if (File.Exists(target))
        {
            throw new ReportRefusedException($"--out {target} is a file, not a folder: choose a folder for the data");
        }

        if (!Directory.Exists(target))
        {
            return;
        }

        if (Directory.Exists(Path.Combine(target, ".git")) || File.Exists(Path.Combine(target, ".git")))
        {
            throw new ReportRefusedException($"--out {target} is the root of a git work tree: choose a folder for the data inside it (e.g. {Path.Combine(target, "data")})");
        }

        if (!SyntheticMarker.IsIn(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ReportRefusedException($"--out {target} is not empty and holds no generated data (no {SyntheticMarker.FileName}): choose a new or empty folder");
        }
    }

    /// <summary>Generates into a staging folder inside <paramref name="target"/>, then moves the complete files over the old ones.</summary>
    private static SyntheticSummary WriteWhole(string target, SyntheticOptions options)
    {
        Directory.CreateDirectory(target);
        foreach (var abandoned in Directory.EnumerateDirectories(target, StagingPrefix + "*"))
        {
            // A generate that was killed: its partial files are dropped.
            Discard(abandoned);
        }

        var staging = Path.Combine(target, StagingPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var summary = SyntheticGenerator.Write(staging, options);
            // The marker moves last: a folder is marked as generated only once its data is whole.
            foreach (var file in Directory.GetFiles(staging).OrderBy(f => Path.GetFileName(f) == SyntheticMarker.FileName ? 1 : 0))
            {
                File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }

            return summary with { OutDir = target };
        }
        finally
        {
            Discard(staging);
        }
    }

    private static void Discard(string staging)
    {
        if (!Directory.Exists(staging))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(staging))
        {
            File.Delete(file);
        }

        Directory.Delete(staging, recursive: false);
    }
}
