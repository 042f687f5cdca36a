using Instacart.Analysis.Derivation;
using Instacart.Analysis.Input;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Input;

/// <summary>The process keeps the last data <see cref="InstacartData.Load(string, AnalysisOptions?)"/> loaded, and only while nothing changed.</summary>
public sealed class SharedLoadTests
{
    [Fact]
    public void Load_SameFolderTwice_ReturnsTheSameData()
    {
        using var temp = TinyData.Write();
        var first = InstacartData.Load(temp.Path);
        Assert.Same(first, InstacartData.Load(temp.Path));
        Assert.Same(first, InstacartData.Load(Path.Combine(temp.Path, ".", string.Empty)));
    }

    [Fact]
    public void Load_FileWrittenSince_LoadsAnew()
    {
        using var temp = TinyData.Write();
        var first = InstacartData.Load(temp.Path);
        File.AppendAllText(temp.File(InputFiles.PriorLines), "101,3,3,0\n");
        var second = InstacartData.Load(temp.Path);
        Assert.NotSame(first, second);
        Assert.Equal(first.Lines.Count + 1, second.Lines.Count);
    }

    [Fact]
    public void Load_OtherOptions_LoadsAnew()
    {
        using var temp = TinyData.Write();
        var saturday = InstacartData.Load(temp.Path);
        var sunday = InstacartData.Load(temp.Path, AnalysisOptions.Default with { DayConvention = DayConvention.SundayFirst });
        Assert.NotSame(saturday, sunday);
        Assert.Equal(DayConvention.SundayFirst, sunday.Options.DayConvention);
    }

    [Fact]
    public void Load_BadInput_IsNotKeptAndIsReadAgainOnceFixed()
    {
        using var temp = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = TinyData.Orders + "x,1,prior,1,0,0,\n" });
        Assert.Throws<InputException>(() => InstacartData.Load(temp.Path));
        Assert.Throws<InputException>(() => InstacartData.Load(temp.Path));
        File.WriteAllText(temp.File(InputFiles.Orders), TinyData.Orders);
        Assert.Equal(11, InstacartData.Load(temp.Path).Lines.Count);
    }

    [Fact]
    public void Derived_SameKeyTwice_ComputesOnce()
    {
        using var temp = TinyData.Write();
        var data = InstacartData.Load(temp.Path);
        var calls = 0;
        var first = data.Derived(("test", 1), () => new object[] { Interlocked.Increment(ref calls) });
        var again = data.Derived(("test", 1), () => new object[] { Interlocked.Increment(ref calls) });
        Assert.Same(first, again);
        Assert.Equal(1, calls);
    }
}
