namespace Instacart.Notebooks.Tests;

public sealed class NotebookSourceTests
{
    [Fact]
    public void Parse_DibWithBomAndCrlf_FindsCellsAndTheirFileLines()
    {
        var text = "\uFEFF#!meta\r\n\r\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\r\n\r\n#!markdown\r\n\r\n# Title\r\n\r\n#!csharp\r\n\r\n\r\nvar a = 1;\r\na\r\n\r\n#!csharp\r\n#!time\r\nConsole.WriteLine(a);\r\n";

        var notebook = NotebookSource.Parse(text, "/x/notebooks/01-a.dib", "notebooks/01-a.dib");

        Assert.Equal([(1, "markdown", 7), (2, "csharp", 12), (3, "csharp", 16)], notebook.Cells.Select(c => (c.Index, c.KernelName, c.StartLine)));
        Assert.Equal("var a = 1;\na", notebook.Cells[1].Contents);
        Assert.Equal("#!time\nConsole.WriteLine(a);", notebook.Cells[2].Contents);
        Assert.Equal("Title", notebook.Title);
    }

    [Fact]
    public void Parse_DibWithoutMeta_DefaultsToCSharp()
    {
        var notebook = NotebookSource.Parse("var a = 1;\n\n#!markdown\n\nText", "/x/n/a.dib", "n/a.dib");

        Assert.Equal([("csharp", 1), ("markdown", 5)], notebook.Cells.Select(c => (c.KernelName, c.StartLine)));
        Assert.Equal("a", notebook.Title);
    }

    [Theory]
    [InlineData("fsharp")]
    [InlineData("pwsh")]
    [InlineData("javascript")]
    [InlineData("html")]
    public void Parse_CellInAnotherLanguage_ThrowsNamingNotebookCellAndLine(string kernel)
    {
        var text = $"#!markdown\n\n# T\n\n#!csharp\n\nvar a = 1;\n\n#!{kernel}\n\nsomething\n";

        var error = Assert.Throws<NotebookFormatException>(() => NotebookSource.Parse(text, "/x/notebooks/07-x.dib", "notebooks/07-x.dib"));

        Assert.Equal(3, error.Cell);
        Assert.Equal(9, error.Line);
        Assert.StartsWith($"notebooks/07-x.dib: cell 3, line 9: the kernel '{kernel}' is not supported", error.Message);
    }

    [Fact]
    public void ProductNotebooks_EveryOne_ChecksTheLibraryItReferencesInTheCellBefore()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Notebooks, "*.dib").Order(StringComparer.Ordinal))
        {
            var code = NotebookSource.Read(file).Cells.Where(c => c.IsCode).ToList();
            var reference = code[1].Contents.Split('\n')[0];

            Assert.True(code[0].IsLibraryCheck, $"{file}: the first code cell is the library check");
            Assert.StartsWith("#r \"../artifacts/", reference);
            Assert.Contains($"GetFullPath(\n    {reference[3..]})", code[0].Contents);
            Assert.Contains("dotnet build -c Release", code[0].Contents);
            Assert.DoesNotContain(code, c => c != code[1] && c.Contents.Contains("#r ", StringComparison.Ordinal));
        }
    }
}
