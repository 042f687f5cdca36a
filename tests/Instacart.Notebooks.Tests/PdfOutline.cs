using System.Text;
using System.Text.RegularExpressions;

namespace Instacart.Notebooks.Tests;

/// <summary>Reads a PDF's bookmark outline from its objects (Chromium writes them as plain dictionaries).</summary>
internal static partial class PdfOutline
{
    /// <summary>How many top-level bookmarks the PDF has (0 without an outline): the root's /First, then each /Next.</summary>
    public static int TopLevelCount(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var objects = ObjectPattern().Matches(text).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["body"].Value);
        var root = objects.Values.FirstOrDefault(body => OutlinesType().IsMatch(body));
        if (root is null)
        {
            return 0;
        }

        var count = 0;
        var next = Reference(root, "First");
        var seen = new HashSet<string>();
        while (next is not null && seen.Add(next) && objects.TryGetValue(next, out var item))
        {
            count++;
            next = Reference(item, "Next");
        }

        return count;
    }

    private static string? Reference(string body, string key) =>
        Regex.Match(body, $@"/{key}\s+(\d+)\s+0\s+R") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?<id>\d+)\s+0\s+obj\s*(?<body><<.*?>>)\s*endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Type\s*/Outlines\b")]
    private static partial Regex OutlinesType();
}
