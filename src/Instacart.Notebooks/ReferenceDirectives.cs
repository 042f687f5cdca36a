using System.Text.RegularExpressions;

namespace Instacart.Notebooks;

/// <summary>
/// Resolves a cell's relative <c>#r "path"</c> directives against the notebook's folder before the cell is
/// submitted, as VS Code's kernel (whose working directory is the notebook's folder) resolves them, so that the
/// runner never changes the process's working directory. Line numbers stay as they are; the exported cell keeps
/// its original text.
/// </summary>
internal static partial class ReferenceDirectives
{
    /// <summary><paramref name="code"/> with every relative file <c>#r</c> path made absolute from <paramref name="notebookDirectory"/>.</summary>
    public static string Resolve(string code, string notebookDirectory) =>
        FileReference().Replace(code, match =>
        {
            var path = match.Groups["path"].Value;
            if (path.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(path))
            {
                // nuget:, a drive letter or an absolute path: as written.
                return match.Value;
            }

            return match.Groups["head"].Value + Path.GetFullPath(Path.Combine(notebookDirectory, path)) + "\"";
        });

    [GeneratedRegex("""^(?<head>[ \t]*#r[ \t]+")(?<path>[^"\r\n]+)"(?=[ \t]*\r?$)""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FileReference();
}
