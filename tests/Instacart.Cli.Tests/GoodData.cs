using Instacart.Synthetic;

namespace Instacart.Cli.Tests;

/// <summary>A small generated data folder (every file, every quirk) that each broken case copies and breaks once.</summary>
public sealed class GoodData : IDisposable
{
    public GoodData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "instacart-cli-good-" + Guid.NewGuid().ToString("N"));
        SyntheticGenerator.Write(Folder, new SyntheticOptions(60, 3) { Products = 500 });
    }

    public string Folder { get; }

    /// <summary>A fresh copy of the good folder, to break.</summary>
    public string Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), "instacart-cli-case-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
