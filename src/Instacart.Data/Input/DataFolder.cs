namespace Instacart.Data.Input;

/// <summary>Finds the input files in a data folder.</summary>
internal static class DataFolder
{
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
