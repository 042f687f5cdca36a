namespace Instacart.Analysis.Input;

/// <summary>
/// Finds the data folder the way a papermill parameter would: the runner sets
/// <see cref="EnvironmentVariable"/>; an analyst's own session falls back to a path relative to the notebook.
/// </summary>
public static class DataFolder
{
    /// <summary>The environment variable holding the data folder's path.</summary>
    public const string EnvironmentVariable = "INSTACART_DATA";

    /// <summary>
    /// The folder named by <see cref="EnvironmentVariable"/> when it is set, else <paramref name="fallback"/>
    /// (relative paths resolve against the current directory), as a full path.
    /// </summary>
    public static string FromEnvironmentOr(string fallback)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var chosen = string.IsNullOrWhiteSpace(fromEnvironment) ? fallback : fromEnvironment;
        return Path.GetFullPath(chosen);
    }

    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="folder"/>, or an <see cref="InputException"/> when it is required and absent.</summary>
    public static string? Locate(string folder, string fileName, bool required)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, 0, 0, null, "an existing data folder", "no such folder");
        }

        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        return required ? throw new InputException(fileName, 0, 0, null, $"the file in {folder}", "no such file") : null;
    }
}
