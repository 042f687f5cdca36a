using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Data.Partitions;

namespace Instacart.Analysis.Tests.Partitions;

public class PartitionedDatasetTests
{
    [Fact]
    public void Write_DataSampleInThreeParts_RowCountsAddUpAndEveryPartLoads()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        var written = new List<int>();

        var dataset = PartitionedDataset.Write(whole, temp.File("dataset"), 3, written.Add);

        Assert.Equal([1, 2, 3], written);
        Assert.Equal(3, dataset.Parts);
        Assert.Equal(whole.Fingerprint, dataset.Fingerprint);
        var reopened = PartitionedDataset.Open(temp.File("dataset"));
        Assert.Equal(whole.Orders.Count, Enumerable.Range(0, 3).Sum(p => reopened.Rows(p, "orders")));
        Assert.Equal(whole.Input.PriorLines.Count, Enumerable.Range(0, 3).Sum(p => reopened.Rows(p, "prior")));
        Assert.Equal(whole.Input.TrainLines!.Count, Enumerable.Range(0, 3).Sum(p => reopened.Rows(p, "train")));
        Assert.Equal(whole.Input.Customers.Count, Enumerable.Range(0, 3).Sum(p => reopened.Rows(p, "customers")));
        var parts = Enumerable.Range(0, 3).Select(reopened.LoadPart).ToList();
        Assert.Equal(whole.Lines.Count, parts.Sum(p => (long)p.Lines.Count));
        Assert.Equal(whole.Reconciliation.CustomersActive, parts.Sum(p => p.Reconciliation.CustomersActive));
        Assert.All(parts, p => Assert.Equal(whole.Fingerprint, p.Fingerprint));
        Assert.All(parts, p => Assert.Equal(whole.Products.Count, p.Products.Count));
        // Nothing but the dataset is left beside it (no temporary folder).
        Assert.Equal(["dataset"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void LoadPart_OneByteOfAPartFileChanged_RefusedNamingThePartAndTheFile()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        var dataset = PartitionedDataset.Write(whole, temp.File("dataset"), 2);
        var file = Directory.GetFiles(Path.Combine(dataset.Folder, "part-001"), "prior-*.arrow").Single();
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(file, bytes);

        using var first = dataset.LoadPart(0);
        var error = Assert.Throws<DatasetException>(() => dataset.LoadPart(1));

        Assert.Contains("part 1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"part-001/{Path.GetFileName(file)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPart_DimensionFileMissing_RefusedNamingTheFile()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        var dataset = PartitionedDataset.Write(whole, temp.File("dataset"), 2);
        var file = Directory.GetFiles(Path.Combine(dataset.Folder, "dimensions"), "products-*.arrow").Single();
        File.Delete(file);

        var error = Assert.Throws<DatasetException>(() => dataset.LoadPart(0));

        Assert.Contains($"dimensions/{Path.GetFileName(file)} is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FolderThatIsNotADataset_RefusedAndLeftAsItIs()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        var foreign = temp.File("mine");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep me");

        var error = Assert.Throws<DatasetException>(() => PartitionedDataset.Write(whole, foreign, 2));

        Assert.Contains("holds no dataset.json", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
        Assert.Single(Directory.EnumerateFileSystemEntries(foreign));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Write_OverAnEarlierDataset_ReplacesIt()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        PartitionedDataset.Write(whole, temp.File("dataset"), 4);

        var dataset = PartitionedDataset.Write(whole, temp.File("dataset"), 2);

        Assert.Equal(2, PartitionedDataset.Open(dataset.Folder).Parts);
        Assert.False(Directory.Exists(Path.Combine(dataset.Folder, "part-003")));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Write_InsideTheDataFolder_Refused()
    {
        using var temp = new TempFolder();
        using var whole = InstacartData.Load(RepoPaths.DataSample);

        Assert.Throws<DatasetException>(() => PartitionedDataset.Write(whole, Path.Combine(RepoPaths.DataSample, "parts"), 2));

        Assert.False(Directory.Exists(Path.Combine(RepoPaths.DataSample, "parts")));
    }

    [Fact]
    public void Open_ManifestOfAnotherFormat_RefusedWithAClearError()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("dataset.json"), "{\"format\": \"instacart-dataset/99\"}");

        var error = Assert.Throws<DatasetException>(() => PartitionedDataset.Open(temp.Path));

        Assert.Contains("dataset.json", error.Message, StringComparison.Ordinal);
    }
}
