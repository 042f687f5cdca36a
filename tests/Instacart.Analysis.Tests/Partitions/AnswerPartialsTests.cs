using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data.Partitions;
using Instacart.Synthetic;
using Xunit.Abstractions;

namespace Instacart.Analysis.Tests.Partitions;

/// <summary>
/// The cheap answers as partial states per customer part: for any split by customer, the finish of the merged partials
/// is the whole data's <c>answers.json</c>, byte for byte; the merge ignores the parts' order and an empty part; the
/// bytes round-trip and reject what is not theirs.
/// </summary>
public sealed class AnswerPartialsTests : IClassFixture<AnswerPartialsTests.Datasets>
{
    private readonly Datasets sets;
    private readonly ITestOutputHelper output;

    public AnswerPartialsTests(Datasets sets, ITestOutputHelper output)
    {
        this.sets = sets;
        this.output = output;
    }

    public static TheoryData<string, int> Splits()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { Datasets.Sample, Datasets.Quirky })
        {
            for (var parts = 1; parts <= 7; parts++)
            {
                data.Add(name, parts);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Finish_MergedPartialsOfEverySplit_IsTheWholeDocumentByteForByte(string dataset, int parts)
    {
        var whole = sets.Whole(dataset);

        var merged = AnswerPartials.Merge(sets.Partials(dataset, parts));

        Assert.Equal(sets.WholeText(dataset), AnswersDocument.ToText(merged.Finish()));
        Assert.Equal(AnswersDocument.ToText(AnswersDocument.Compute(whole)), AnswersDocument.ToText(AnswerPartials.Compute(whole).Finish()));
    }

    [Theory]
    [InlineData(Datasets.Sample, 5, 1)]
    [InlineData(Datasets.Quirky, 7, 2)]
    public void Merge_PartsInAnyOrder_GiveTheSameBytes(string dataset, int parts, int seed)
    {
        var partials = sets.Partials(dataset, parts);
        var expected = AnswerPartials.Merge(partials).ToBytes();
        var random = new Random(seed);
        for (var trial = 0; trial < 4; trial++)
        {
            var shuffled = partials.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, AnswerPartials.Merge(shuffled).ToBytes());
            Assert.Equal(expected, MergeAsTree(shuffled, random).ToBytes());
        }
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void Merge_WithAnEmptyPart_ChangesNothing(string dataset)
    {
        var whole = sets.Whole(dataset);
        var input = whole.Input;
        var empty = input with
        {
            Orders = new OrdersTable([], [], [], [], [], [], []),
            PriorLines = new OrderLinesTable(input.PriorLines.FileName, [], [], [], []),
            TrainLines = input.TrainLines is null ? null : new OrderLinesTable(input.TrainLines.FileName, [], [], [], []),
            Customers = new CustomersTable([], [], [], [], [], [], [], []),
        };
        using var emptyData = InstacartData.FromTables(empty, whole.Options, whole.Fingerprint, Parallelism.Default);
        var emptyPartial = AnswerPartials.Compute(emptyData);
        var partials = sets.Partials(dataset, 3);
        var expected = AnswerPartials.Merge(partials).ToBytes();

        Assert.Equal(expected, AnswerPartials.Merge([emptyPartial, .. partials]).ToBytes());
        Assert.Equal(expected, AnswerPartials.Merge([.. partials, emptyPartial, emptyPartial]).ToBytes());
        Assert.Equal(AnswerPartials.FromBytes(expected).ToBytes(), AnswerPartials.Merge(AnswerPartials.Merge(partials), emptyPartial).ToBytes());
        Assert.NotEmpty(emptyPartial.Finish()["questions"]!.AsObject());
        Assert.All(emptyPartial.Answers(), answer => Assert.NotEmpty(answer.Sentence() + answer.Suggestion().Text + answer.Method()));
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void FromBytes_ToBytes_RoundTripsToTheSameFinish(string dataset)
    {
        var partials = sets.Partials(dataset, 4);
        var merged = AnswerPartials.Merge(partials);

        var bytes = merged.ToBytes();
        var read = AnswerPartials.FromBytes(bytes);

        Assert.Equal(bytes, read.ToBytes());
        Assert.Equal(sets.WholeText(dataset), AnswersDocument.ToText(read.Finish()));
        Assert.Equal(sets.WholeText(dataset), AnswersDocument.ToText(AnswerPartials.Merge(partials.Select(p => AnswerPartials.FromBytes(p.ToBytes()))).Finish()));
        Assert.Equal(
            merged.Answers().Select(a => a.Sentence() + a.Suggestion().Text),
            read.Answers().Select(a => a.Sentence() + a.Suggestion().Text));
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void Answers_MergedRegions_HaveTheWholeDatasIntervalsExactly(string dataset)
    {
        var regions = AnswerPartials.Merge(sets.Partials(dataset, 6)).Answers().OfType<Instacart.Analysis.Questions.RegionGroups>().Single();

        var whole = Instacart.Analysis.Statistics.GroupIntervals.Compute(sets.Whole(dataset), Instacart.Analysis.Statistics.GroupingDimension.Region);

        Assert.Equal(whole.Groups, regions.Intervals.Groups);
        Assert.Equal(Instacart.Analysis.Questions.RegionGroups.Compute(sets.Whole(dataset)).Sentence(), regions.Sentence());
    }

    [Fact]
    public void FromBytes_TruncatedBytes_AreRejected()
    {
        var bytes = AnswerPartials.Merge(sets.Partials(Datasets.Sample, 2)).ToBytes();
        var random = new Random(3);
        var lengths = new[] { 0, 1, 3, 4, 5, 20, bytes.Length / 2, bytes.Length - 1 }.Concat(Enumerable.Range(0, 20).Select(_ => random.Next(bytes.Length)));

        Assert.All(lengths, length => Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes(bytes.AsSpan(0, length))));
        Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes([.. bytes, 0]));
    }

    [Fact]
    public void FromBytes_ForeignBytes_AreRejected()
    {
        var bytes = AnswerPartials.Merge(sets.Partials(Datasets.Sample, 2)).ToBytes();
        var otherVersion = bytes.ToArray();
        otherVersion[3]++;
        var noise = new byte[4096];
        new Random(5).NextBytes(noise);

        Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes(otherVersion));
        Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes(noise));
        Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes(System.Text.Encoding.UTF8.GetBytes(sets.WholeText(Datasets.Sample))));
        Assert.Throws<InvalidDataException>(() => AnswerPartials.FromBytes([.. bytes[..4], .. noise]));
    }

    [Fact]
    public void Merge_PartsOfDifferentDatasets_AreRejected()
    {
        var sample = AnswerPartials.Compute(sets.Whole(Datasets.Sample));
        var quirky = AnswerPartials.Compute(sets.Whole(Datasets.Quirky));

        Assert.Throws<InvalidDataException>(() => AnswerPartials.Merge(sample, quirky));
        Assert.Throws<ArgumentException>(() => AnswerPartials.Merge([]));
    }

    [Fact]
    public void ToBytes_DataSample_SizesPerPart()
    {
        var whole = AnswerPartials.Compute(sets.Whole(Datasets.Sample)).ToBytes().Length;
        var parts = sets.Partials(Datasets.Sample, 7).Select(p => p.ToBytes().Length).ToList();
        output.WriteLine($"data-sample partial bytes: whole {whole:N0}; 7 parts {string.Join(", ", parts.Select(n => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");

        Assert.All(parts, n => Assert.InRange(n, 1, 200_000));
    }

    private static AnswerPartials MergeAsTree(IReadOnlyList<AnswerPartials> parts, Random random)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var cut = random.Next(1, parts.Count);
        return AnswerPartials.Merge(MergeAsTree([.. parts.Take(cut)], random), MergeAsTree([.. parts.Skip(cut)], random));
    }

    /// <summary>The committed sample and generated quirky data, loaded whole, with their documents and their splits' partials.</summary>
    public sealed class Datasets : IDisposable
    {
        public const string Sample = "data-sample";
        public const string Quirky = "quirky";

        private readonly TempFolder quirkyFolder = new();
        private readonly Dictionary<string, InstacartData> whole = [];
        private readonly Dictionary<string, string> texts = [];
        private readonly Dictionary<(string, int), IReadOnlyList<AnswerPartials>> partials = [];
        private readonly Lock gate = new();

        public Datasets()
        {
            SyntheticGenerator.Write(quirkyFolder.Path, new SyntheticOptions(1_500, 11) { Products = 600, Quirks = true });
            whole[Sample] = InstacartData.Load(RepoPaths.DataSample, options: null, cache: null);
            whole[Quirky] = InstacartData.Load(quirkyFolder.Path, options: null, cache: null);
            foreach (var (name, data) in whole)
            {
                texts[name] = AnswersDocument.ToText(AnswersDocument.Compute(data));
            }
        }

        public InstacartData Whole(string name) => whole[name];

        public string WholeText(string name) => texts[name];

        /// <summary>The partials of the parts of a split of the data into <paramref name="parts"/> by customer.</summary>
        public IReadOnlyList<AnswerPartials> Partials(string name, int parts)
        {
            lock (gate)
            {
                if (!partials.TryGetValue((name, parts), out var computed))
                {
                    var data = whole[name];
                    computed = CustomerParts.Split(data.Input, parts).Select(part =>
                    {
                        using var loaded = InstacartData.FromTables(part, data.Options, data.Fingerprint, Parallelism.Default);
                        return AnswerPartials.Compute(loaded);
                    }).ToList();
                    partials[(name, parts)] = computed;
                }

                return computed;
            }
        }

        public void Dispose()
        {
            foreach (var data in whole.Values)
            {
                data.Dispose();
            }

            quirkyFolder.Dispose();
        }
    }
}
