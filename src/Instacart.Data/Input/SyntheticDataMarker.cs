namespace Instacart.Data.Input;

/// <summary>
/// The marker a data folder holds when the generator made it (<c>.instacart-synthetic.json</c>): the generator
/// writes it, and the report reads it to say "synthetic sample data". It lives here, beside the input files' names,
/// because both sides already depend on this project and neither should depend on the other.
/// </summary>
public static class SyntheticDataMarker
{
    /// <summary>The marker's file name in a generated data folder.</summary>
    public const string FileName = ".instacart-synthetic.json";

    /// <summary>The marker's format.</summary>
    public const string Format = "instacart-synthetic/1";

    /// <summary>Whether <paramref name="folder"/> holds the marker of generated data (a file of this name and format).</summary>
    /// <param name="folder">The data folder.</param>
    /// <returns>True when the folder's data came from the generator.</returns>
    public static bool IsIn(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Contains($"\"format\": \"{Format}\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
