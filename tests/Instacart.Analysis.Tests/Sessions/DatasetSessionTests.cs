using Instacart.Analysis.Affinity;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Data.Partitions;
using Instacart.Synthetic;
using Xunit.Abstractions;

namespace Instacart.Analysis.Tests.Sessions;

/// <summary>
/// A session over a partitioned dataset: every cheap answer, interval and preparation figure is the ordinary session's
/// exactly (from the merge), the models come from a seeded customer sample that does not depend on the part count,
/// and with every customer sampled they are the ordinary session's too.
/// </summary>
public sealed class DatasetSessionTests : IClassFixture<DatasetSessionTests.Datasets>
{
    private readonly Datasets sets;
    private readonly ITestOutputHelper output;

    public DatasetSessionTests(Datasets sets, ITestOutputHelper output)
    {
        this.sets = sets;
        this.output = output;
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void Compute_DatasetSessionAtRateOne_EveryCheapAnswerIsTheOrdinarySessions(string name)
    {
        var ordinary = sets.Ordinary(name);
        var dataset = sets.Everyone(name);

        IReadOnlyList<Func<AnalysisSession, IQuestionAnswer>> questions =
        [
            s => BusiestDays.Compute(s), s => BusiestHours.Compute(s), s => SpendByHour.Compute(s), s => PriceRanges.Compute(s),
            s => Departments.Compute(s), s => TimeSegments.Compute(s), s => LoyaltyGroups.Compute(s), s => RegionGroups.Compute(s),
            s => AgeFamily.Compute(s), s => IncomeGroups.Compute(s), s => Profiles.Compute(s), s => HourQuadrants.Compute(s),
            s => SpenderFrequency.Compute(s), s => DepartmentMix.Compute(s), s => BabyHouseholds.Compute(s),
        ];

        Assert.All(questions, compute =>
        {
            var expected = compute(ordinary);
            var actual = compute(dataset);
            Assert.Equal(expected.Key, actual.Key);
            Assert.Equal(expected.ToJson().ToJsonString(), actual.ToJson().ToJsonString());
            Assert.Equal(expected.Sentence(), actual.Sentence());
            Assert.Equal(expected.Method(), actual.Method());
            Assert.Equal(expected.Suggestion().Text, actual.Suggestion().Text);
        });
        Assert.Equal(
            AnswersDocument.ToText(AnswersDocument.Compute(ordinary, AnswerScope.Cheap)),
            AnswersDocument.ToText(AnswersDocument.Compute(dataset, AnswerScope.Cheap)));
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void Compute_DatasetSessionWithASample_CheapAnswersAndIntervalsAreStillTheWholes(string name)
    {
        var ordinary = sets.Ordinary(name);
        var sampled = sets.Sampled(name);

        Assert.True(sampled.Data.Input.Customers.Count < ordinary.Data.Input.Customers.Count);
        Assert.Equal(
            AnswersDocument.ToText(AnswersDocument.Compute(ordinary, AnswerScope.Cheap)),
            AnswersDocument.ToText(AnswersDocument.Compute(sampled, AnswerScope.Cheap)));
        Assert.All(Enum.GetValues<GroupingDimension>(), d => Assert.Equal(GroupIntervals.Compute(ordinary, d).Groups, GroupIntervals.Compute(sampled, d).Groups));
        Assert.Equal(ordinary.Reconciliation, sampled.Reconciliation);
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void GroupIntervals_DatasetSessionAtRateOne_EveryDimensionIsTheOrdinarySessions(string name)
    {
        var ordinary = sets.Ordinary(name);
        var dataset = sets.Everyone(name);

        Assert.All(Enum.GetValues<GroupingDimension>(), dimension =>
        {
            var expected = GroupIntervals.Compute(ordinary, dimension);
            var actual = GroupIntervals.Compute(dataset, dimension);
            Assert.Equal(expected.Groups, actual.Groups);
            Assert.Equal(expected.Sentence(), actual.Sentence());
            Assert.Equal(GroupIntervals.Compute(ordinary.Data, dimension).Groups, expected.Groups);
        });
    }

    [Theory]
    [InlineData(Datasets.Sample)]
    [InlineData(Datasets.Quirky)]
    public void Summarize_DatasetSession_EveryPreparationFigureIsTheOrdinarySessions(string name)
    {
        var expected = DataPreparation.Summarize(sets.Ordinary(name));

        Assert.All(new[] { sets.Everyone(name), sets.Sampled(name) }, session =>
        {
            var actual = DataPreparation.Summarize(session);
            Assert.Equal(expected.Reconciliation, actual.Reconciliation);
            Assert.Equal(expected.ReconciliationRows, actual.ReconciliationRows);
            Assert.Equal(expected.JoinLosses, actual.JoinLosses);
            Assert.Equal(expected.LineFlow, actual.LineFlow);
            Assert.Equal(expected.DroppedProducts, actual.DroppedProducts);
            Assert.Equal(expected.SkippedRows, actual.SkippedRows);
            Assert.Equal(expected.Sentence(), actual.Sentence());
            Assert.Equal(expected.Method(), actual.Method());
        });
    }

    [Fact]
    public void Compute_DatasetSessionAtRateOne_ModelAnswersAreThoseOfTheSameRowsLoadedWhole()
    {
        var ordinary = sets.Ordinary(Datasets.Sample);
        var dataset = sets.Everyone(Datasets.Sample);
        // The sample's rows come in an order of their own (customers and orders by user_id), whatever the parts:
        // k-means++ seeding and the reorder model's candidate order follow the rows' order, so the models are those of
        // the same rows loaded whole (basket affinity does not depend on the order, so it is the source's too).
        using var sameRows = new AnalysisSession(InstacartData.FromTables(CustomerSample.Combine([ordinary.Data.Input]), ordinary.Data.Options, ordinary.Data.Fingerprint, Instacart.Data.Lines.Parallelism.Default));

        Assert.Equal(BasketAffinity.Compute(ordinary).ToJson().ToJsonString(), BasketAffinity.Compute(dataset).ToJson().ToJsonString());
        Assert.Equal(ReorderPrediction.Compute(sameRows).ToJson().ToJsonString(), ReorderPrediction.Compute(dataset).ToJson().ToJsonString());
        Assert.Equal(CustomerSegments.Compute(sameRows).ToJson().ToJsonString(), CustomerSegments.Compute(dataset).ToJson().ToJsonString());
        Assert.Equal(AnswersDocument.ToText(AnswersDocument.Compute(sameRows, AnswerScope.Report)), AnswersDocument.ToText(AnswersDocument.Compute(dataset, AnswerScope.Report)));
        Assert.Contains("every customer of the partitioned dataset", CustomerSegments.Compute(dataset).Method(), StringComparison.Ordinal);
    }

    [Fact]
    public void Method_ModelsOnASampledDatasetSession_NameTheSample()
    {
        var sampled = sets.Sampled(Datasets.Sample);
        var ordinary = sets.Ordinary(Datasets.Sample);
        var customers = sampled.Data.Input.Customers.Count;
        output.WriteLine($"data-sample at rate {sampled.Sample!.Rate}: {customers} of {ordinary.Data.Input.Customers.Count} customers");

        IReadOnlyList<(string Sampled, string Ordinary)> methods =
        [
            (BasketAffinity.Compute(sampled).Method(), BasketAffinity.Compute(ordinary).Method()),
            (CustomerSegments.Compute(sampled).Method(), CustomerSegments.Compute(ordinary).Method()),
            (ReorderPrediction.Compute(sampled).Method(), ReorderPrediction.Compute(ordinary).Method()),
        ];

        Assert.All(methods, m =>
        {
            Assert.Contains($"seeded sample of {customers:N0} customers (rate 0.4, seed {CustomerSample.DefaultSeed}", m.Sampled, StringComparison.Ordinal);
            Assert.Contains("each of the 3 parts of the partitioned dataset", m.Sampled, StringComparison.Ordinal);
            Assert.Contains("exact", m.Sampled, StringComparison.Ordinal);
            Assert.DoesNotContain("partitioned dataset", m.Ordinary, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void OpenDataset_SameSampleOverOneThreeAndSevenParts_KeepsTheSameCustomersOrdersAndLines()
    {
        var whole = sets.Ordinary(Datasets.Sample).Data;
        var sample = new CustomerSample(0.25, 5);
        var progress = new List<(int, int)>();

        var sessions = new[] { 1, 3, 7 }.Select(parts =>
        {
            var dataset = PartitionedDataset.Write(whole, sets.Folder($"parts-{parts}"), parts);
            return AnalysisSession.OpenDataset(dataset.Folder, sample, (done, all) => progress.Add((done, all)));
        }).ToList();
        try
        {
            var kept = whole.Input.Customers.UserId.Where(sample.Keeps).Order().ToArray();
            Assert.InRange(kept.Length, whole.Input.Customers.Count / 8, whole.Input.Customers.Count / 2);
            Assert.All(sessions, s =>
            {
                Assert.Equal(kept, s.Data.Input.Customers.UserId);
                Assert.Equal(sessions[0].Data.Input.Orders.OrderId, s.Data.Input.Orders.OrderId);
                Assert.Equal(sessions[0].Data.Input.PriorLines.OrderId, s.Data.Input.PriorLines.OrderId);
                Assert.Equal(sessions[0].Data.Input.PriorLines.ProductId, s.Data.Input.PriorLines.ProductId);
                Assert.All(s.Data.Input.Orders.UserId, u => Assert.True(sample.Keeps(u)));
            });
            Assert.Equal(whole.Orders.UserId.Count(sample.Keeps), sessions[0].Data.Input.Orders.Count);
            Assert.Equal([(1, 1), (1, 3), (2, 3), (3, 3), .. Enumerable.Range(1, 7).Select(d => (d, 7))], progress);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Keeps_SeedAndRate_DecideAloneAndRateOneKeepsEveryone()
    {
        var ids = Enumerable.Range(1, 20_000).ToArray();
        var first = new CustomerSample(0.3, 1);
        var again = new CustomerSample(0.3, 1);
        var otherSeed = new CustomerSample(0.3, 2);

        Assert.Equal(ids.Where(first.Keeps), ids.Where(again.Keeps));
        Assert.NotEqual(ids.Where(first.Keeps), ids.Where(otherSeed.Keeps));
        Assert.InRange(ids.Count(first.Keeps), 5_600, 6_400);
        Assert.All(ids.Where(new CustomerSample(0.1, 1).Keeps), id => Assert.True(first.Keeps(id)));
        Assert.All(ids, id => Assert.True(new CustomerSample(1, 9).Keeps(id)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSample(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSample(1.5));
    }

    [Fact]
    public void For_CustomerCounts_KeepsEveryoneOnSmallDataAndAboutTheMaximumOnLarge()
    {
        Assert.True(CustomerSample.For(998).KeepsEveryone);
        Assert.True(CustomerSample.For(CustomerSample.DefaultMaxCustomers).KeepsEveryone);
        Assert.Equal(0.25, CustomerSample.For(4L * CustomerSample.DefaultMaxCustomers).Rate);
        Assert.True(CustomerSample.For(PartitionedDataset.Open(sets.Everyone(Datasets.Sample).Dataset!.Folder)).KeepsEveryone);
        Assert.Equal(sets.Ordinary(Datasets.Sample).Data.Input.Customers.Count, sets.Everyone(Datasets.Sample).Dataset!.Customers);
    }

    /// <summary>The committed sample and generated quirky data: ordinary sessions, and sessions over their three-part datasets (every customer, and 40%).</summary>
    public sealed class Datasets : IDisposable
    {
        public const string Sample = "data-sample";
        public const string Quirky = "quirky";

        private readonly TempFolder temp = new();
        private readonly Dictionary<string, AnalysisSession> ordinary = [];
        private readonly Dictionary<string, AnalysisSession> everyone = [];
        private readonly Dictionary<string, AnalysisSession> sampled = [];

        public Datasets()
        {
            var quirky = temp.File("quirky-source");
            SyntheticGenerator.Write(quirky, new SyntheticOptions(1_500, 11) { Products = 600, Quirks = true });
            ordinary[Sample] = new AnalysisSession(InstacartData.Load(RepoPaths.DataSample, options: null, cache: null));
            ordinary[Quirky] = new AnalysisSession(InstacartData.Load(quirky, options: null, cache: null));
            foreach (var (name, session) in ordinary)
            {
                var dataset = PartitionedDataset.Write(session.Data, temp.File($"{name}-dataset"), 3);
                everyone[name] = AnalysisSession.OpenDataset(dataset.Folder, new CustomerSample(1));
                sampled[name] = AnalysisSession.OpenDataset(dataset.Folder, new CustomerSample(0.4));
            }
        }

        public AnalysisSession Ordinary(string name) => ordinary[name];

        public AnalysisSession Everyone(string name) => everyone[name];

        public AnalysisSession Sampled(string name) => sampled[name];

        public string Folder(string name) => temp.File(name);

        public void Dispose()
        {
            foreach (var session in ordinary.Values.Concat(everyone.Values).Concat(sampled.Values))
            {
                session.Dispose();
            }

            temp.Dispose();
        }
    }
}
