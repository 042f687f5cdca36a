using Instacart.Analysis.Cache;
using Instacart.Analysis.Input;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// A file that changes while it is parsed (a copy still being written, a <c>cp -p</c> over it) never yields tables
/// mixed from two versions: the parse is checked against the hash of every byte taken beside it and after it.
/// </summary>
public sealed class KeyedReadTests : CacheFolders
{
    public KeyedReadTests()
        : base(120, 9)
    {
    }

    [Fact]
    public void Parse_FileRewrittenWithSameSizeAndTimeDuringTheParse_IsReadAgainAndKeyedByTheNewBytes()
    {
        var lines = Data.File(InputFiles.PriorLines);
        var reads = 0;
        var (tables, key) = KeyedRead.Parse(Data.Path, () =>
        {
            var parsed = InputTables.Load(Data.Path);
            if (++reads == 1)
            {
                // Lands after the parse read the file and before it was checked.
                FlipReorderedKeepingSizeAndTime(lines);
            }

            return parsed;
        });

        Assert.Equal(2, reads);
        Assert.Equal(InputTables.Load(Data.Path).PriorLines.Reordered, tables.PriorLines.Reordered);
        Assert.Equal(InputKey.Compute(Data.Path).Key, key);
    }

    [Fact]
    public void Parse_FileChangingAtEveryRead_IsBadInputNamingTheFile()
    {
        var lines = Data.File(InputFiles.PriorLines);
        var reads = 0;

        var error = Assert.Throws<InputException>(() => KeyedRead.Parse(Data.Path, () =>
        {
            var parsed = InputTables.Load(Data.Path);
            reads++;
            FlipReorderedKeepingSizeAndTime(lines, 0.3);
            return parsed;
        }));

        Assert.Equal(KeyedRead.Attempts, reads);
        Assert.Equal(InputFiles.PriorLines, error.File);
        Assert.DoesNotContain('\n', error.Message);
    }
}
