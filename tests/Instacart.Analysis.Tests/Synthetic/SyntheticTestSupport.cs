using CsvHelper;
using Instacart.Synthetic;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Synthetic;

internal static class SyntheticTestSupport
{
    public static readonly string[] FileNames =
    [
        "orders.csv", "order_products__prior.csv", "order_products__train.csv", "products.csv",
        "departments.csv", "aisles.csv", "customers.csv",
    ];

    /// <summary>The folder holding Instacart.Notebooks.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Instacart.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Instacart.Notebooks.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every data row of a CSV file as strings (header skipped), read with CsvHelper's RFC 4180 reader.</summary>
    public static List<string[]> Rows(string path)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The integer columns of a headed, all-integer CSV file, read with CsvHelper's Parse.</summary>
    public static List<int[]> IntRows(string path, int columns)
    {
        var rows = new List<int[]>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        while (reader.Read())
        {
            var row = new int[columns];
            for (int i = 0; i < columns; i++)
            {
                row[i] = reader.Parse<int>(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first line of a file as text, without its line ending.</summary>
    public static string FirstLine(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        int end = Array.IndexOf(bytes, (byte)'\n');
        if (end > 0 && bytes[end - 1] == '\r')
        {
            end--;
        }

        return System.Text.Encoding.UTF8.GetString(bytes, 0, end);
    }
}

/// <summary>The parsed files of one synthetic run.</summary>
internal sealed class SyntheticData
{
    public required SyntheticSummary Summary { get; init; }
    public required string Folder { get; init; }
    public required List<string[]> Orders { get; init; }
    public required List<int[]> Prior { get; init; }
    public required List<int[]> Train { get; init; }
    public required List<string[]> Products { get; init; }
    public required List<string[]> Customers { get; init; }
    public required List<string[]> Aisles { get; init; }
    public required List<string[]> DepartmentsWide { get; init; }

    public static SyntheticData Load(string folder, SyntheticSummary summary) => new()
    {
        Summary = summary,
        Folder = folder,
        Orders = SyntheticTestSupport.Rows(Path.Combine(folder, "orders.csv")),
        Prior = SyntheticTestSupport.IntRows(Path.Combine(folder, "order_products__prior.csv"), 4),
        Train = SyntheticTestSupport.IntRows(Path.Combine(folder, "order_products__train.csv"), 4),
        Products = SyntheticTestSupport.Rows(Path.Combine(folder, "products.csv")),
        Customers = SyntheticTestSupport.Rows(Path.Combine(folder, "customers.csv")),
        Aisles = SyntheticTestSupport.Rows(Path.Combine(folder, "aisles.csv")),
        DepartmentsWide = SyntheticTestSupport.Rows(Path.Combine(folder, "departments.csv")),
    };
}

/// <summary>Shares one <see cref="MediumSyntheticFixture"/> among the test classes that read it.</summary>
[CollectionDefinition(Name)]
public sealed class MediumSyntheticCollection : ICollectionFixture<MediumSyntheticFixture>
{
    public const string Name = "Synthetic data of 3,000 users";
}

/// <summary>3,000 users, seed 7, written and parsed once for the tests that look at shapes and quirks.</summary>
public sealed class MediumSyntheticFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public MediumSyntheticFixture()
    {
        var summary = SyntheticGenerator.Write(_folder.Path, new SyntheticOptions(3_000, 7));
        Data = SyntheticData.Load(_folder.Path, summary);
    }

    internal SyntheticData Data { get; }

    public void Dispose() => _folder.Dispose();
}
