using Instacart.Analysis.Answers;
using Instacart.Data.Paths;
using Instacart.Notebooks.Publishing;

namespace Instacart.Cli.Commands;

/// <summary>
/// Where a command may write a single output file (<c>answers --out</c>, <c>bench --json</c>): never inside the data
/// folder (raw data is immutable), never over a folder, and never over a file this tool did not write.
/// </summary>
internal static class OutputPlacement
{
    /// <summary>
    /// Throws a <see cref="ReportRefusedException"/> (exit code 2, nothing written) when <paramref name="output"/> lies
    /// inside <paramref name="dataFolder"/> (symbolic links followed), is a folder, or is an existing file that
    /// <paramref name="isOurs"/> does not recognise as this tool's.
    /// </summary>
    /// <param name="dataFolder">The data folder.</param>
    /// <param name="output">The output file asked for.</param>
    /// <param name="option">The option that named it, for the message.</param>
    /// <param name="isOurs">Whether an existing file's first bytes are a file this tool writes (so it may be replaced).</param>
    public static void EnsureWritable(string dataFolder, string output, string option, Func<string, bool> isOurs)
    {
        var target = RealPath.Of(output);
        var data = RealPath.Of(dataFolder);
        if (RealPath.IsSameOrInside(target, data))
        {
            throw new ReportRefusedException($"{option} {target} is inside the data folder {data}, which is never written to: choose a path outside it");
        }

        if (Directory.Exists(target))
        {
            throw new ReportRefusedException($"{option} {target} is a folder: give the path of a file (e.g. {Path.Combine(target, AnswersDocument.FileName)})");
        }

        if (File.Exists(target) && !isOurs(Head(target)))
        {
            throw new ReportRefusedException($"{option} {target} exists and was not written by instacart: choose another path, or remove the file yourself");
        }
    }

    /// <summary>Whether a file's first bytes are an <c>answers.json</c> this tool wrote (of any version of <see cref="AnswersDocument.Format"/>).</summary>
    public static bool IsAnswers(string head) => HasFormat(head, AnswersDocument.Format);

    /// <summary>Whether a file's first bytes are a <c>bench --json</c> file this tool wrote (of any version of <see cref="BenchCommand.Format"/>).</summary>
    public static bool IsBench(string head) => HasFormat(head, BenchCommand.Format);

    /// <summary>Whether <paramref name="head"/> is JSON whose <c>format</c> is <paramref name="format"/> or another version of it (<c>name/N</c>).</summary>
    private static bool HasFormat(string head, string format) =>
        head.StartsWith('{') && head.Contains($"\"format\": \"{format[..(format.IndexOf('/') + 1)]}", StringComparison.Ordinal);

    private static string Head(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[4096];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
