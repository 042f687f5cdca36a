using Instacart.Data.Cache;
using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// A file that changes while it is parsed (a copy still being written, a <c>cp -p</c> over it) never yields tables
/// mixed from two versions: the parse starts after a complete hash of every byte and is checked against a second
/// hash taken after it; a load whose check fails parses again, from the second hash.
/// </summary>
public sealed class KeyedReadTests : CacheFolders
{
    public KeyedReadTests()
        : base(120, 9)
    {
    }

    private string Lines => Data.File(InputFiles.PriorLines);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parse_FileRewrittenWithSameSizeAndTimeBeforeOrAfterTheParseReadsIt_FailsItsCheck(bool afterTheRead)
    {
        var (_, check) = KeyedRead.Parse(Data.Path, _ =>
        {
            if (!afterTheRead)
            {
                FlipReorderedKeepingSizeAndTime(Lines);
            }

            var parsed = InputTables.Load(Data.Path);
            if (afterTheRead)
            {
                FlipReorderedKeepingSizeAndTime(Lines);
            }

            return parsed;
        });

        var (key, stale) = check.Wait();

        Assert.Null(key);
        Assert.Equal($"{InputFiles.PriorLines} changed while it was read", stale);
        Assert.Null(check.KeyOrNull());
    }

    [Fact]
    public void Parse_AgainAfterAFailedCheck_IsOfTheNewBytesAndKeyedByThem()
    {
        var (_, first) = KeyedRead.Parse(Data.Path, _ =>
        {
            var parsed = InputTables.Load(Data.Path);
            FlipReorderedKeepingSizeAndTime(Lines);
            return parsed;
        });
        Assert.NotNull(first.Wait().Stale);

        var (tables, second) = KeyedRead.Parse(Data.Path, _ => InputTables.Load(Data.Path), first.Hashing, first.Attempt + 1);

        Assert.Equal(InputKey.Compute(Data.Path).Key, second.Wait().Key);
        Assert.Equal(InputTables.Load(Data.Path).PriorLines.Reordered, tables.PriorLines.Reordered);
    }

    [Fact]
    public void Parse_FileChangingAtEveryRead_IsBadInputNamingTheFile()
    {
        InputKeyCheck? check = null;
        var error = Assert.Throws<InputException>(() =>
        {
            for (var parses = 0; parses < 10; parses++)
            {
                (_, check) = KeyedRead.Parse(
                    Data.Path,
                    _ =>
                    {
                        var parsed = InputTables.Load(Data.Path);
                        FlipReorderedKeepingSizeAndTime(Lines, 0.3);
                        return parsed;
                    },
                    check?.Hashing,
                    check is null ? 1 : check.Attempt + 1);
                check.Wait();
            }
        });

        Assert.Equal(KeyedRead.Attempts, check!.Attempt);
        Assert.Equal(InputFiles.PriorLines, error.File);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_NothingChanged_ChecksOutWithTheFilesKey()
    {
        var (_, check) = KeyedRead.Parse(Data.Path, _ => InputTables.Load(Data.Path));
        var (key, stale) = check.Wait();

        Assert.Null(stale);
        Assert.Equal(InputKey.Compute(Data.Path).Key, key);
    }
}
