using System.Reflection;
using System.Text;
using Instacart.Analysis.Answers;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.Answers;

public class OptionsBytesTests
{
    /// <summary>Every settable option, by name: a new one is covered without a change here.</summary>
    public static TheoryData<string> OptionNames => [.. Names()];

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Key_OneOptionChanged_NamesAnotherStateAndReadsBackEqual(string option)
    {
        var changed = Changed(AnalysisOptions.Default, option);

        Assert.NotEqual(AnalysisOptions.Default, changed);
        Assert.NotEqual(OptionsBytes.Key(AnalysisOptions.Default), OptionsBytes.Key(changed));
        Assert.NotEqual(FolderAnswers.StateName(AnalysisOptions.Default), FolderAnswers.StateName(changed));
        Assert.Equal(changed, RoundTrip(changed));
    }

    [Fact]
    public void Read_EveryOptionChangedAtOnce_EqualsWhatWasWritten()
    {
        var all = Names().Aggregate(AnalysisOptions.Default, Changed);

        Assert.Equal(all, RoundTrip(all));
        Assert.Equal(AnalysisOptions.Default, RoundTrip(AnalysisOptions.Default));
    }

    [Fact]
    public void Read_BytesOfOtherProperties_AreRefusedAsDamaged() =>
        AssertRefusedWithOneByteChanged(nameof(AnalysisOptions.DayConvention), (byte)'X');

    [Fact]
    public void Read_AnEnumValueThatIsNoName_IsRefusedAsDamaged() =>
        AssertRefusedWithOneByteChanged(nameof(DayConvention.SaturdayFirst), (byte)'?');

    /// <summary>The default options' bytes with the first byte of <paramref name="text"/> in them replaced are refused.</summary>
    private static void AssertRefusedWithOneByteChanged(string text, byte replacement)
    {
        var bytes = Bytes(AnalysisOptions.Default);
        bytes[bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text))] = replacement;

        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        Assert.Throws<InvalidDataException>(() => OptionsBytes.Read(reader));
    }

    private static IEnumerable<string> Names() =>
        typeof(AnalysisOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);

    private static AnalysisOptions Changed(AnalysisOptions options, string name)
    {
        var property = typeof(AnalysisOptions).GetProperty(name)!;
        var value = property.GetValue(options);
        object next = value switch
        {
            double number => number + 0.5,
            int integer => integer + 1,
            bool flag => !flag,
            string text => text + " & more",
            Enum code => Enum.GetValues(property.PropertyType).Cast<object>().First(v => !v.Equals(code)),
            _ => throw new NotSupportedException($"Add a change for the option {name} ({property.PropertyType.Name})."),
        };
        var copy = options with { };
        property.SetValue(copy, next);
        return copy;
    }

    private static byte[] Bytes(AnalysisOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            OptionsBytes.Write(writer, options);
        }

        return stream.ToArray();
    }

    private static AnalysisOptions RoundTrip(AnalysisOptions options)
    {
        using var reader = new BinaryReader(new MemoryStream(Bytes(options)), Encoding.UTF8);
        var read = OptionsBytes.Read(reader);
        Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position);
        return read;
    }
}
