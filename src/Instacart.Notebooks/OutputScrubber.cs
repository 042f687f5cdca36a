using System.Text.RegularExpressions;

namespace Instacart.Notebooks;

/// <summary>
/// Keeps machine paths out of notebook outputs: the data folder becomes <c>$DATA</c>, the
/// notebook's folder <c>.</c>, other known roots (repository, home) a short token, and source paths in
/// stack traces their file name. Exported files are then the same on every machine and every run.
/// </summary>
internal sealed partial class OutputScrubber
{
    private readonly (string Path, string Replacement)[] _replacements;

    public OutputScrubber(IEnumerable<(string? Path, string Replacement)> replacements)
    {
        _replacements = replacements
            .Where(r => !string.IsNullOrEmpty(r.Path) && r.Path!.Length > 1)
            .Select(r => (Path: Path.TrimEndingDirectorySeparator(r.Path!), r.Replacement))
            .Distinct()
            .OrderByDescending(r => r.Path.Length)
            .ToArray();
    }

    public string Scrub(string text)
    {
        foreach (var (path, replacement) in _replacements)
        {
            if (text.Contains(path, StringComparison.Ordinal))
            {
                text = text.Replace(path, replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    public string ScrubStackLine(string line) => Scrub(SourcePath().Replace(line, m => " in " + Path.GetFileName(m.Groups["path"].Value) + ":line "));

    [GeneratedRegex(@" in (?<path>.+?):line ")]
    private static partial Regex SourcePath();
}
