using Instacart.Data.Input;
using Instacart.Synthetic;

namespace Instacart.Cli.Tests;

/// <summary><c>--cache DIR</c> and <c>--no-cache</c> on the commands that load data.</summary>
public sealed class CacheOptionTests : IDisposable
{
    private readonly GoodData data = new();
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "instacart-cli-cache-" + Guid.NewGuid().ToString("N"));

    /// <summary>What <c>answers</c> says when it finished the document from the state kept in the cache.</summary>
    private const string KeptStateLine = "Answered from the state kept in the cache";

    public CacheOptionTests() => Directory.CreateDirectory(scratch);

    public void Dispose()
    {
        data.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public void ToCache_NoCacheWins_AFolderGivenWins_ThenTheVariable_OffMeansNone()
    {
        var given = Path.Combine(scratch, "given");
        Assert.Null(Commands.CommonOptions.ToCache(given, disabled: true, variable: null));
        Assert.Null(Commands.CommonOptions.ToCache(null, disabled: true, variable: given));
        Assert.Equal(given, Commands.CommonOptions.ToCache(given, disabled: false, variable: "/elsewhere")!.Directory);
        Assert.Equal(Path.GetFullPath("rel"), Commands.CommonOptions.ToCache("rel", disabled: false, variable: null)!.Directory);
        Assert.Equal(given, Commands.CommonOptions.ToCache(null, disabled: false, variable: given)!.Directory);
        Assert.Null(Commands.CommonOptions.ToCache(null, disabled: false, variable: " OFF "));
        Assert.Equal(Instacart.Data.Cache.CacheOptions.DefaultDirectory, Commands.CommonOptions.ToCache(null, disabled: false, variable: "")!.Directory);
    }

    [Fact]
    public void Answers_WithNoCache_WritesNoCache()
    {
        var cache = Path.Combine(scratch, "cache");
        var result = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "a.json"), "--cache", cache, "--no-cache");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.False(Directory.Exists(cache));
    }

    [Fact]
    public void Answers_FromTheCache_EqualAnswersFromCsv()
    {
        var cache = Path.Combine(scratch, "cache");
        var plain = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "plain.json"), "--no-cache");
        var first = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "first.json"), "--cache", cache);
        var second = CliProcess.Run("bench", "--data", data.Folder, "--cache", cache);
        var cached = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "cached.json"), "--cache", cache);

        Assert.All(new[] { plain, first, second, cached }, r => Assert.True(r.ExitCode == 0, r.StandardError + r.StandardOutput));
        Assert.Single(Directory.GetDirectories(cache));
        Assert.Contains("cache: hit", second.StandardOutput);
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "plain.json")), File.ReadAllText(Path.Combine(scratch, "first.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "plain.json")), File.ReadAllText(Path.Combine(scratch, "cached.json")));
        Assert.DoesNotContain(KeptStateLine, first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(KeptStateLine, cached.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("lines_merged", cached.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_AfterACpPStyleReplacementOfABigFile_AnswerTheNewBytes()
    {
        // Lines over 2 MiB, and a change in their middle: what the old key (first and last MiB, size, time) missed.
        var folder = Path.Combine(scratch, "data");
        SyntheticGenerator.Write(folder, new SyntheticOptions(1500, 11) { Products = 500 });
        var lines = Path.Combine(folder, InputFiles.PriorLines);
        Assert.True(new FileInfo(lines).Length > 2 << 20);
        var cache = Path.Combine(scratch, "cache");
        var first = CliProcess.Run("answers", "--data", folder, "--out", Path.Combine(scratch, "first.json"), "--cache", cache);

        ReplaceKeepingSizeAndTime(lines, FlipReorderedFlagsInTheMiddle);
        var second = CliProcess.Run("answers", "--data", folder, "--out", Path.Combine(scratch, "second.json"), "--cache", cache);
        var bench = CliProcess.Run("bench", "--data", folder, "--cache", cache);
        var plain = CliProcess.Run("answers", "--data", folder, "--out", Path.Combine(scratch, "plain.json"), "--no-cache");

        Assert.All(new[] { first, second, bench, plain }, r => Assert.True(r.ExitCode == 0, r.StandardError + r.StandardOutput));
        Assert.NotEqual(File.ReadAllText(Path.Combine(scratch, "first.json")), File.ReadAllText(Path.Combine(scratch, "second.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "plain.json")), File.ReadAllText(Path.Combine(scratch, "second.json")));
        Assert.Contains("cache: hit", bench.StandardOutput);
        Assert.DoesNotContain(KeptStateLine, second.StandardOutput, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InsideTheDataFolder() => new()
    {
        { "answers", "--cache DATA" },
        { "answers", "--cache DATA/.cache" },
        { "answers", "INSTACART_CACHE=DATA" },
        { "answers", "--cache LINK-INTO-DATA" },
        { "answers", "--cache LINK-TO-DATA/sub" },
        { "answers", "--data LINK-TO-DATA --cache DATA/.cache" },
        { "answers", "--data DATA --cache DATA/sub/../.cache" },
        { "run", "--cache DATA" },
        { "run", "--cache DATA/.cache" },
        { "run", "INSTACART_CACHE=DATA" },
        { "run", "--cache LINK-INTO-DATA" },
        { "run", "--data LINK-TO-DATA --cache DATA/.cache" },
    };

    [Theory]
    [MemberData(nameof(InsideTheDataFolder))]
    public void Command_CacheInsideTheDataFolder_ExitsTwoWithOneLineAndWritesNothingThere(string command, string form)
    {
        var folder = data.Copy();
        var link = Path.Combine(scratch, "link-to-data");
        var linkInto = Path.Combine(scratch, "link-into-data");
        Directory.CreateSymbolicLink(link, folder);
        Directory.CreateSymbolicLink(linkInto, Path.Combine(folder, "kept-by-the-user"));
        Directory.CreateDirectory(Path.Combine(folder, "kept-by-the-user"));
        try
        {
            string Expand(string word) => word
                .Replace("LINK-TO-DATA", link, StringComparison.Ordinal)
                .Replace("LINK-INTO-DATA", linkInto, StringComparison.Ordinal)
                .Replace("DATA", folder, StringComparison.Ordinal);
            var words = form.Split(' ').Select(Expand).ToList();
            var environment = new Dictionary<string, string>();
            if (words[0].StartsWith("INSTACART_CACHE=", StringComparison.Ordinal))
            {
                environment["INSTACART_CACHE"] = words[0]["INSTACART_CACHE=".Length..];
                words.RemoveAt(0);
            }

            if (!words.Contains("--data"))
            {
                words.InsertRange(0, ["--data", folder]);
            }

            var output = Path.Combine(scratch, "out");
            List<string> args = command == "run"
                ? ["run", "--notebooks", Notebooks, "--out", output, .. words]
                : ["answers", "--out", Path.Combine(output, "answers.json"), .. words];
            var before = Listing(folder);

            var result = CliProcess.Run(environment, [.. args]);

            Assert.True(result.ExitCode == 2, result.StandardError + result.StandardOutput);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: cache folder ", line);
            Assert.Contains("outside the data folder", line);
            Assert.Contains("--no-cache", line);
            Assert.Equal(before, Listing(folder));
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
        }
        finally
        {
            Directory.Delete(link);
            Directory.Delete(linkInto);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Answers_CacheBesideTheDataFolderWithASimilarName_IsAccepted()
    {
        // "DATA-cache" starts with "DATA" but is not inside it.
        var cache = data.Folder + "-cache";
        try
        {
            var result = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "a.json"), "--cache", cache);

            Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
            Assert.Single(Directory.GetDirectories(cache));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static string Notebooks
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Instacart.Notebooks.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir!.FullName, "notebooks");
        }
    }

    /// <summary>Every file and folder under <paramref name="folder"/> with its length and write time, links not followed.</summary>
    private static string Listing(string folder) => string.Join('\n', new DirectoryInfo(folder)
        .EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        .Select(e => $"{Path.GetRelativePath(folder, e.FullName)} {(e as FileInfo)?.Length} {e.LastWriteTimeUtc.Ticks}")
        .Order(StringComparer.Ordinal));

    /// <summary>Rewrites <paramref name="path"/> in place with <paramref name="edit"/>'s bytes (same length) and its old write time, as <c>cp -p</c> leaves it.</summary>
    private static void ReplaceKeepingSizeAndTime(string path, Action<byte[]> edit)
    {
        var written = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        var length = bytes.Length;
        edit(bytes);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal(length, new FileInfo(path).Length);
    }

    /// <summary>Sets every reordered flag of the lines in the middle tenth of a lines file (the last field of each line) to 1.</summary>
    private static void FlipReorderedFlagsInTheMiddle(byte[] bytes)
    {
        for (var i = bytes.Length * 45 / 100; i < bytes.Length * 55 / 100; i++)
        {
            var flag = i - (bytes[i - 1] == '\r' ? 2 : 1);
            if (bytes[i] == '\n' && bytes[flag] == '0' && bytes[flag - 1] == ',')
            {
                bytes[flag] = (byte)'1';
            }
        }
    }
}
