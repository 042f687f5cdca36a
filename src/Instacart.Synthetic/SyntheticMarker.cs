using System.Globalization;
using System.Text;

namespace Instacart.Synthetic;

/// <summary>
/// The small file the generator writes beside the data it makes: it says the folder holds synthetic data (so a report
/// can say so) and with which options, and it marks the folder as the generator's own, which a later
/// <c>instacart generate</c> may overwrite. Its text depends on the options only, so equal options give equal bytes.
/// </summary>
public static class SyntheticMarker
{
    /// <summary>The marker's file name in a generated data folder.</summary>
    public const string FileName = Instacart.Data.Input.SyntheticDataMarker.FileName;

    /// <summary>The marker's format.</summary>
    public const string Format = Instacart.Data.Input.SyntheticDataMarker.Format;

    /// <summary>Whether <paramref name="folder"/> holds the marker of generated data.</summary>
    public static bool IsIn(string folder) => Instacart.Data.Input.SyntheticDataMarker.IsIn(folder);

    /// <summary>The marker's text for <paramref name="options"/>.</summary>
    public static string Text(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "tool": "instacart",
              "format": "{{Format}}",
              "synthetic": true,
              "users": {{options.Users}},
              "seed": {{options.Seed}},
              "products": {{options.ProductCount}},
              "quirks": {{(options.Quirks ? "true" : "false")}}
            }

            """).ReplaceLineEndings("\n");
    }

    /// <summary>Writes the marker for <paramref name="options"/> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, SyntheticOptions options) =>
        File.WriteAllText(Path.Combine(folder, FileName), Text(options), new UTF8Encoding(false));
}
