using System.Text.Json.Nodes;
using System.Text;
using Apache.Arrow.Ipc;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// The columnar cache of the input tables: answers from the cache equal answers from CSV; a stale or damaged entry
/// is detected, never used, and rebuilt; no cache means nothing written; no personal name is ever cached.
/// </summary>
public sealed class InputCacheTests : CacheFolders
{
    public InputCacheTests()
        : base(120, 5)
    {
    }

    [Fact]
    public void Load_FromCsvAndFromCache_GivesTheSameAnswersAndTables()
    {
        var fromCsv = InstacartData.Load(Data.Path, null, null);
        var first = InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Off, fromCsv.Cache.Use);
        Assert.Equal(CacheUse.Written, first.Cache.Use);
        Assert.Equal(CacheUse.Hit, fromCache.Cache.Use);
        Assert.Equal(Answers(fromCsv), Answers(first));
        Assert.Equal(Answers(fromCsv), Answers(fromCache));
        AssertSameTables(fromCsv.Input, fromCache.Input);
    }

    [Fact]
    public void Load_WritingAnEntry_RemovesOurEntriesOfGoneFoldersAndNoFolderOfTheUser()
    {
        // An entry of ours whose data folder is gone, and a user's folder holding a file like our manifest.
        using (InstacartData.Load(Data.Path, null, Cache))
        {
        }

        var stale = Path.Combine(CacheRoot.Path, "entry-of-a-gone-folder");
        Directory.Move(Entry, stale);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(stale, "manifest.json")))!;
        manifest["folder"] = Path.Combine(CacheRoot.Path, "no-such-data-folder");
        File.WriteAllText(Path.Combine(stale, "manifest.json"), manifest.ToJsonString());
        var users = Path.Combine(CacheRoot.Path, "my-project");
        Directory.CreateDirectory(users);
        // The same shape as ours, but another tool's format: not ours, whatever its folder says.
        manifest["format"] = "my-own/1";
        File.WriteAllText(Path.Combine(users, "manifest.json"), manifest.ToJsonString());
        File.WriteAllText(Path.Combine(users, "notes.txt"), "mine");
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(Path.Combine(stale, "manifest.json"), hourAgo);
        File.SetLastWriteTimeUtc(Path.Combine(users, "manifest.json"), hourAgo);

        using (InstacartData.Load(Data.Path, null, Cache))
        {
        }

        Assert.False(Directory.Exists(stale));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(users, "notes.txt")));
    }

    [Fact]
    public void Load_AfterAFileIsTouched_RebuildsTheStaleEntry()
    {
        InstacartData.Load(Data.Path, null, Cache);
        var orders = Data.File(InputFiles.Orders);
        File.SetLastWriteTimeUtc(orders, File.GetLastWriteTimeUtc(orders).AddMinutes(1));

        var rebuilt = InstacartData.Load(Data.Path, null, Cache);
        var again = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Rebuilt, rebuilt.Cache.Use);
        Assert.Contains(InputFiles.Orders, rebuilt.Cache.Reason);
        Assert.Equal(CacheUse.Hit, again.Cache.Use);
    }

    [Fact]
    public void Load_AfterAFileChangesWithSameSizeAndTime_RebuildsAndAnswersTheNewData()
    {
        InstacartData.Load(Data.Path, null, Cache);
        var products = Data.File(InputFiles.Products);
        var written = File.GetLastWriteTimeUtc(products);
        var text = File.ReadAllText(products);
        var line = text.IndexOf('\n') + 1;
        var letter = text.IndexOfAny(['a', 'e', 'o'], text.IndexOf(',', line) + 1);
        File.WriteAllText(products, text[..letter] + (text[letter] == 'a' ? 'b' : 'a') + text[(letter + 1)..], new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(products, written);

        var rebuilt = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Rebuilt, rebuilt.Cache.Use);
        Assert.Contains(InputFiles.Products, rebuilt.Cache.Reason);
        Assert.Equal(Answers(InstacartData.Load(Data.Path, null, null)), Answers(rebuilt));
        Assert.Equal(CacheUse.Hit, InstacartData.Load(Data.Path, null, Cache).Cache.Use);
    }

    public static TheoryData<string, string> Damages() => new()
    {
        { "truncate customers", "bytes, not" },
        { "flip a byte of orders", "checksum" },
        { "flip a byte of customers", "checksum" },
        { "empty orders", "bytes, not" },
        { "delete products", "FileNotFoundException" },
        { "garbage manifest", "JsonException" },
        { "truncate manifest", "JsonException" },
        { "manifest row count", "rows, not" },
        { "manifest wrong schema", "wrong schema" },
        { "manifest without the merge", "no merged lines" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Load_FromADamagedEntry_DetectsItAndRebuildsWithTheSameAnswers(string damage, string detectedAs)
    {
        var expected = Answers(InstacartData.Load(Data.Path, null, null));
        InstacartData.Load(Data.Path, null, Cache);
        Damage(damage);

        var rebuilt = InstacartData.Load(Data.Path, null, Cache);
        var again = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Rebuilt, rebuilt.Cache.Use);
        Assert.StartsWith("damaged", rebuilt.Cache.Reason);
        Assert.Contains(detectedAs, rebuilt.Cache.Reason);
        Assert.Equal(expected, Answers(rebuilt));
        Assert.Equal(CacheUse.Hit, again.Cache.Use);
        Assert.Equal(expected, Answers(again));
    }

    [Fact]
    public void Load_WithoutCache_WritesNothing()
    {
        var before = Directory.EnumerateFileSystemEntries(Data.Path).Order(StringComparer.Ordinal).ToList();
        InstacartData.Load(Data.Path, null, null);
        InputCache.Load(Data.Path, null, out var result);

        Assert.Equal(CacheUse.Off, result.Use);
        Assert.Empty(Directory.EnumerateFileSystemEntries(CacheRoot.Path));
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(Data.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Entry_IsOutsideTheDataFolder_AndHoldsNoPersonalName()
    {
        using var tiny = TinyData.Write();
        var loaded = InstacartData.Load(tiny.Path, null, Cache);
        var entry = InputCache.EntryDirectory(tiny.Path, Cache);

        Assert.Equal(CacheUse.Written, loaded.Cache.Use);
        Assert.False(entry.StartsWith(tiny.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(tiny.Path), p => !p.EndsWith(".csv", StringComparison.Ordinal));
        var files = Directory.GetFiles(entry);
        Assert.Contains(files, f => f.EndsWith(".arrow", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var personal in new[] { "Zelda", "Quixote", "Kowalczyk", "First Name", "Surnam" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(personal)) < 0, $"{Path.GetFileName(file)} holds '{personal}'");
            }
        }

        using var customers = new ArrowFileReader(File.OpenRead(files.Single(f => Path.GetFileName(f).StartsWith("customers-", StringComparison.Ordinal))));
        Assert.Equal(
            ["user_id", "gender", "state", "age", "date_joined", "n_dependants", "fam_status", "income"],
            customers.Schema.FieldsList.Select(f => f.Name));
    }

    private void Damage(string damage)
    {
        var manifestPath = Path.Combine(Entry, CacheManifest.FileName);
        JsonObject TableEntry(JsonNode manifest, string name) =>
            manifest["tables"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["name"] == name);

        switch (damage)
        {
            case "truncate customers":
                using (var stream = File.Open(Table("customers"), FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "flip a byte of orders":
                Flip(Table("orders"));
                break;
            case "flip a byte of customers":
                Flip(Table("customers"));
                break;
            case "empty orders":
                File.WriteAllBytes(Table("orders"), []);
                break;
            case "delete products":
                File.Delete(Table("products"));
                break;
            case "garbage manifest":
                File.WriteAllText(manifestPath, "{ not json");
                break;
            case "truncate manifest":
                File.WriteAllText(manifestPath, File.ReadAllText(manifestPath)[..200]);
                break;
            case "manifest row count":
            {
                var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
                var orders = TableEntry(manifest, "orders");
                orders["rows"] = (long)orders["rows"]! + 1;
                File.WriteAllText(manifestPath, manifest.ToJsonString());
                break;
            }

            case "manifest without the merge":
            {
                var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
                manifest.Remove("merge");
                File.WriteAllText(manifestPath, manifest.ToJsonString());
                break;
            }

            case "manifest wrong schema":
            {
                // Everything the manifest says about the file is true except what it holds: orders where customers belong.
                var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
                var customers = TableEntry(manifest, "customers");
                var orders = TableEntry(manifest, "orders");
                foreach (var field in new[] { "file", "rows", "bytes", "checksum" })
                {
                    customers[field] = orders[field]!.DeepClone();
                }

                File.WriteAllText(manifestPath, manifest.ToJsonString());
                break;
            }

            default:
                throw new ArgumentException(damage);
        }
    }

    private static void AssertSameTables(InputTables expected, InputTables actual)
    {
        Assert.Equal(expected.Folder, actual.Folder);
        Assert.Equal(expected.Orders.OrderId, actual.Orders.OrderId);
        Assert.Equal(expected.Orders.UserId, actual.Orders.UserId);
        Assert.Equal(expected.Orders.EvalSet, actual.Orders.EvalSet);
        Assert.Equal(expected.Orders.OrderNumber, actual.Orders.OrderNumber);
        Assert.Equal(expected.Orders.DayOfWeek, actual.Orders.DayOfWeek);
        Assert.Equal(expected.Orders.HourOfDay, actual.Orders.HourOfDay);
        Assert.Equal(expected.Orders.DaysSincePrior, actual.Orders.DaysSincePrior);
        foreach (var (e, a) in new[] { (expected.PriorLines, actual.PriorLines), (expected.TrainLines!, actual.TrainLines!) })
        {
            Assert.Equal(e.FileName, a.FileName);
            Assert.Equal(e.OrderId, a.OrderId);
            Assert.Equal(e.ProductId, a.ProductId);
            Assert.Equal(e.AddToCartOrder, a.AddToCartOrder);
            Assert.Equal(e.Reordered, a.Reordered);
        }

        Assert.Equal(expected.Products, actual.Products);
        foreach (var (e, a) in new[] { (expected.Departments, actual.Departments), (expected.Aisles!, actual.Aisles!) })
        {
            Assert.Equal(e.FileName, a.FileName);
            Assert.Equal(e.Ids, a.Ids);
            Assert.Equal(e.Ids.Select(id => e[id]), a.Ids.Select(id => a[id]));
        }

        var (ec, ac) = (expected.Customers, actual.Customers);
        Assert.Equal(ec.UserId, ac.UserId);
        Assert.Equal(ec.Gender, ac.Gender);
        Assert.Equal(ec.State, ac.State);
        Assert.Equal(ec.Age, ac.Age);
        Assert.Equal(ec.DateJoined, ac.DateJoined);
        Assert.Equal(ec.Dependants, ac.Dependants);
        Assert.Equal(ec.FamilyStatus, ac.FamilyStatus);
        Assert.Equal(ec.Income, ac.Income);
    }
}
