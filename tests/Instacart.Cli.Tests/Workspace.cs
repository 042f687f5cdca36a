namespace Instacart.Cli.Tests;

/// <summary>
/// A user's project folder to point the commands at: a git work tree (<c>.git</c>, <c>src/</c>) holding a copy of
/// the good data's CSV files in <c>data/</c>, and a folder of its own beside it for reports. Deleted at the end.
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace(GoodData data)
    {
        Root = Path.Combine(Path.GetTempPath(), "instacart-cli-ws-" + Guid.NewGuid().ToString("N"));
        Project = Path.Combine(Root, "project");
        Data = Path.Combine(Project, "data");
        Directory.CreateDirectory(Path.Combine(Project, ".git", "objects"));
        File.WriteAllText(Path.Combine(Project, ".git", "HEAD"), "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(Project, "src"));
        File.WriteAllText(Path.Combine(Project, "src", "Program.cs"), "// the user's code\n");
        File.WriteAllText(Path.Combine(Project, "README.md"), "# the user's project\n");
        Directory.CreateDirectory(Data);
        // Only the CSV files: this stands for a user's own export, not a folder the generator owns.
        foreach (var file in Directory.GetFiles(data.Folder, "*.csv"))
        {
            File.Copy(file, Path.Combine(Data, Path.GetFileName(file)));
        }

        Reports = Path.Combine(Root, "reports");
        Directory.CreateDirectory(Reports);
    }

    /// <summary>Everything the test made.</summary>
    public string Root { get; }

    /// <summary>A git work tree's root.</summary>
    public string Project { get; }

    /// <summary>The data folder, inside the project.</summary>
    public string Data { get; }

    /// <summary>An empty folder for reports, outside the project.</summary>
    public string Reports { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
