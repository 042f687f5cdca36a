namespace Instacart.Cli.Tests;

/// <summary>A copy of the repository's <c>data-sample</c> CSV files in a temporary folder, to break; deleted at the end.</summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Folder = Path.Combine(Path.GetTempPath(), "instacart-cli-sample-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "data-sample"), "*.csv"))
        {
            System.IO.File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        Output = Path.Combine(Path.GetTempPath(), "instacart-cli-out-" + Guid.NewGuid().ToString("N"), "answers.json");
    }

    /// <summary>The data folder.</summary>
    public string Folder { get; }

    /// <summary>Where <c>answers --out</c> goes: in a folder of its own, outside the data folder.</summary>
    public string Output { get; }

    /// <summary>The path of <paramref name="file"/> in the copy.</summary>
    public string File(string file) => Path.Combine(Folder, file);

    /// <summary>Runs <c>answers</c> on the copy, without the cache.</summary>
    public CliProcess.Result Answers(params string[] extra) => Answers(new Dictionary<string, string>(), extra);

    /// <summary>Runs <c>answers</c> on the copy, without the cache, with <paramref name="environment"/> added.</summary>
    public CliProcess.Result Answers(IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        CliProcess.Run(environment, ["answers", "--data", Folder, "--out", Output, "--no-cache", .. extra]);

    public void Dispose()
    {
        foreach (var folder in new[] { Folder, Path.GetDirectoryName(Output)! })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
