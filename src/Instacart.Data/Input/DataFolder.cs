namespace Instacart.Data.Input;

/// <summary>Finds the input files in a data folder.</summary>
internal static class DataFolder
{
    /// <summary>
    /// Checks that <paramref name="folder"/> is a folder holding every required input file, and that no input name in
    /// it is something other than a file: an <see cref="InputException"/> saying what was found otherwise. Run before
    /// anything reads the folder, so that a wrong path is one clear line, never "no such file" or "access denied".
    /// </summary>
    public static void CheckLayout(string folder)
    {
        foreach (var (file, required) in InputFiles.All)
        {
            Locate(folder, file, required);
        }
    }

    /// <summary>
    /// The full path of <paramref name="fileName"/> in <paramref name="folder"/>, or <see langword="null"/> when it is
    /// optional and absent; an <see cref="InputException"/> when the folder is missing or a file, or the name is a
    /// folder, or it is required and absent.
    /// </summary>
    public static string? Locate(string folder, string fileName, bool required)
    {
        if (!Directory.Exists(folder))
        {
            throw File.Exists(folder)
                ? new InputException(folder, 0, 0, null, "a data folder", "a file, not a folder (--data names the folder that holds the CSV files)")
                : new InputException(folder, 0, 0, null, "an existing data folder", "no such folder");
        }

        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path))
        {
            throw new InputException(fileName, 0, 0, null, $"a file in {folder}", "a folder, not a file");
        }

        return required ? throw new InputException(fileName, 0, 0, null, $"the file in {folder}", "no such file") : null;
    }
}
