using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Input;

/// <summary>A data folder path, or an input name in it, that exists but is the wrong kind of thing says so.</summary>
public class DataFolderTests
{
    [Fact]
    public void Load_DataFolderIsAFile_SaysSo()
    {
        using var folder = TinyData.Write();

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.File(InputFiles.Orders), AnalysisOptions.Default, cache: null));

        Assert.Contains("a file, not a folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InputFiles.Orders)]
    [InlineData(InputFiles.Aisles)]
    public void Load_InputFileIsAFolder_SaysSo(string file)
    {
        using var folder = TinyData.Write();
        File.Delete(folder.File(file));
        Directory.CreateDirectory(folder.File(file));

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));

        Assert.Equal(file, error.File);
        Assert.Contains("a folder, not a file", error.Message, StringComparison.Ordinal);
    }
}
