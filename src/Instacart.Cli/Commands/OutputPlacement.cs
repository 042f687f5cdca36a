using Instacart.Analysis.Input;

namespace Instacart.Cli.Commands;

/// <summary>Raw data is immutable: no output may land inside the data folder.</summary>
internal static class OutputPlacement
{
    /// <summary>Throws an <see cref="InputException"/> when <paramref name="output"/> lies inside <paramref name="dataFolder"/>.</summary>
    public static void EnsureOutside(string dataFolder, string output)
    {
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder)) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(output);
        if (target.StartsWith(data, StringComparison.Ordinal))
        {
            throw new InputException(Path.GetFileName(target), 0, 0, null, "an output path outside the data folder", target);
        }
    }
}
