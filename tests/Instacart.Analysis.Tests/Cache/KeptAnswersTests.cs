using System.Text.Json;
using Instacart.Analysis.Answers;
using Instacart.Data;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// The answers' partial state kept in a cache entry (<see cref="FolderAnswers"/>, <see cref="KeptResults"/>): a later
/// call finishes the same document from it, and only for the exact bytes, options and build it was made with.
/// </summary>
public sealed class KeptAnswersTests : CacheFolders
{
    public KeptAnswersTests()
        : base(1200, 11)
    {
    }

    private static AnalysisOptions SundayFirst => AnalysisOptions.Default with { DayConvention = DayConvention.SundayFirst };

    [Fact]
    public void Compute_SecondCallWithTheCache_FinishesFromTheKeptStateWithTheSameBytesAsNoCache()
    {
        var first = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var firstKept);
        var second = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var secondKept);
        var plain = Text(FolderAnswers.Compute(Data.Path, null, null), out _);

        Assert.False(firstKept);
        Assert.True(secondKept);
        Assert.Equal(plain, first);
        Assert.Equal(plain, second);
        using var loaded = InstacartData.Load(Data.Path, null, null);
        Assert.Equal(AnswersDocument.ToText(AnswersDocument.Compute(loaded)), second);
    }

    [Fact]
    public void Compute_FromTheKeptState_HasTheLoadsReconciliationAndNoSkippedRows()
    {
        using (FolderAnswers.Compute(Data.Path, null, Cache))
        {
        }

        using var kept = FolderAnswers.Compute(Data.Path, null, Cache);
        using var loaded = InstacartData.Load(Data.Path, null, null);

        Assert.True(kept.FromKeptState);
        Assert.Equal(loaded.Reconciliation, kept.Reconciliation);
        Assert.Equal(0, kept.BadRows.Total);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Compute_SameSizeAndTimeOneByteChanged_LoadsAgainAndAnswersTheNewBytes(double where)
    {
        Text(FolderAnswers.Compute(Data.Path, null, Cache), out _);
        FlipReorderedKeepingSizeAndTime(Data.File(InputFiles.PriorLines), where);

        var after = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var kept);

        Assert.False(kept);
        Assert.Equal(Text(FolderAnswers.Compute(Data.Path, null, null), out _), after);
        Text(FolderAnswers.Compute(Data.Path, null, Cache), out var keptAgain);
        Assert.True(keptAgain);
    }

    [Fact]
    public void Compute_OtherOptions_AreNeverAnsweredFromAnotherOptionsState()
    {
        var saturday = Text(FolderAnswers.Compute(Data.Path, null, Cache), out _);

        var sunday = Text(FolderAnswers.Compute(Data.Path, SundayFirst, Cache), out var sundayKept);
        var sundayAgain = Text(FolderAnswers.Compute(Data.Path, SundayFirst, Cache), out var sundayAgainKept);
        var saturdayAgain = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var saturdayAgainKept);

        Assert.False(sundayKept);
        Assert.True(sundayAgainKept);
        Assert.True(saturdayAgainKept);
        Assert.NotEqual(saturday, sunday);
        Assert.Equal(sunday, sundayAgain);
        Assert.Equal(saturday, saturdayAgain);
        Assert.Equal(Text(FolderAnswers.Compute(Data.Path, SundayFirst, null), out _), sunday);
        Assert.Contains("\"sunday-first\"", sunday, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DamagedKeptState_LoadsAgainWithTheSameBytes()
    {
        var first = Text(FolderAnswers.Compute(Data.Path, null, Cache), out _);
        Flip(Directory.GetFiles(Entry, "result-answers-*.bin").Single());

        var again = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var kept);

        Assert.False(kept);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Compute_KeptStateOfAnotherBuild_IsNeverRead()
    {
        var first = Text(FolderAnswers.Compute(Data.Path, null, Cache), out _);
        var manifestPath = Path.Combine(Entry, CacheManifest.FileName);
        var manifest = CacheManifest.Parse(File.ReadAllText(manifestPath));
        // What another build (or a build of other code) named its state: the same options, another name.
        InputCache.Publish(Entry, manifest with { Results = [.. manifest.Results!.Select(r => r with { Name = "answers-0000000000000000" })] });

        var again = Text(FolderAnswers.Compute(Data.Path, null, Cache), out var kept);

        Assert.False(kept);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Compute_SkippingBadRows_NeitherReadsNorKeepsAState()
    {
        var skipping = AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip };
        Text(FolderAnswers.Compute(Data.Path, null, Cache), out _);

        Text(FolderAnswers.Compute(Data.Path, skipping, Cache), out var kept);
        Text(FolderAnswers.Compute(Data.Path, skipping, Cache), out var keptAgain);

        Assert.False(kept);
        Assert.False(keptAgain);
        Assert.Single(Directory.GetFiles(Entry, "result-*.bin"));
    }

    [Fact]
    public void StateName_OptionsDiffer_NamesDiffer()
    {
        var name = FolderAnswers.StateName(AnalysisOptions.Default);

        Assert.Matches("^answers-[0-9a-f]{16}$", name);
        Assert.True(KeptResults.IsName(name));
        Assert.Equal(name, FolderAnswers.StateName(AnalysisOptions.Default with { }));
        Assert.NotEqual(name, FolderAnswers.StateName(SundayFirst));
        Assert.NotEqual(name, FolderAnswers.StateName(AnalysisOptions.Default with { PriceOutlierAbove = 99 }));
    }

    [Fact]
    public async Task KeepResult_MoreNamesThanAnEntryKeeps_KeepsTheNewestFirst()
    {
        using (var data = InstacartData.Load(Data.Path, null, Cache))
        {
            for (var i = 0; i < KeptResults.Most + 2; i++)
            {
                var value = (byte)i;
                data.KeepResult($"test-{i}", () => [value, value, value]);
            }

            data.KeepResult("test-3", () => [9]);
        }

        var manifest = CacheManifest.Parse(File.ReadAllText(Path.Combine(Entry, CacheManifest.FileName)));

        Assert.Equal(["test-3", "test-5", "test-4", "test-2"], manifest.Results!.Select(r => r.Name));
        Assert.Equal([9], KeptResults.Read(Data.Path, Cache, "test-3")!.Bytes);
        Assert.True(await KeptResults.Read(Data.Path, Cache, "test-3")!.OfTheFilesNow);
        Assert.Equal([2, 2, 2], KeptResults.Read(Data.Path, Cache, "test-2")!.Bytes);
        Assert.Null(KeptResults.Read(Data.Path, Cache, "test-1"));
        Assert.All(manifest.Results!, r => Assert.True(File.Exists(Path.Combine(Entry, r.File))));
    }

    [Fact]
    public void KeepResult_NameThatIsNoFileName_IsRefused()
    {
        using var data = InstacartData.Load(Data.Path, null, Cache);

        Assert.Throws<ArgumentException>(() => data.KeepResult("../outside", () => [1]));
        Assert.Throws<ArgumentException>(() => data.KeepResult(string.Empty, () => [1]));
        Assert.Throws<ArgumentException>(() => data.KeepResult("Upper", () => [1]));
    }

    [Fact]
    public async Task Read_SameStampsOtherBytes_HandsBytesOutButTheCheckSaysNo()
    {
        using (var data = InstacartData.Load(Data.Path, null, Cache))
        {
            data.KeepResult("test", () => [1, 2, 3]);
        }

        FlipReorderedKeepingSizeAndTime(Data.File(InputFiles.PriorLines));
        var read = KeptResults.Read(Data.Path, Cache, "test");

        Assert.NotNull(read);
        Assert.False(await read.OfTheFilesNow);
    }

    [Fact]
    public void Manifest_WithKeptResults_RoundTripsAndAnUnknownMemberIsRefused()
    {
        using (var data = InstacartData.Load(Data.Path, null, Cache))
        {
            data.KeepResult("test", () => [1]);
        }

        var text = File.ReadAllText(Path.Combine(Entry, CacheManifest.FileName));
        var manifest = CacheManifest.Parse(text);

        Assert.Equal(text, manifest.ToJson());
        Assert.Contains("\"results\"", text, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => CacheManifest.Parse(text.Replace("\"results\"", "\"extra\": 1,\n  \"results\"", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => CacheManifest.Parse(text.Replace("\"folder\"", "\"folder_\"", StringComparison.Ordinal)));
        Assert.Equal(InputCache.FormatVersion, CacheManifest.FormatOf(text.Replace("\"results\"", "\"extra\": 1,\n  \"results\"", StringComparison.Ordinal)));
    }

    private static string Text(FolderAnswers answers, out bool fromKeptState)
    {
        using (answers)
        {
            fromKeptState = answers.FromKeptState;
            return AnswersDocument.ToText(answers.Document);
        }
    }
}
