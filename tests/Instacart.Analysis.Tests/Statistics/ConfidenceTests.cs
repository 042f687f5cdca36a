using Instacart.Analysis.Questions;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Statistics;

public class ConfidenceTests
{
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(3, 3.1824)]
    [InlineData(5, 2.5706)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(1000, 1.9623)]
    public void Quantile975_KnownDegreesOfFreedom_MatchTheTable(double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(df), 2);

    [Fact]
    public void FromMoments_OneToFive_GivesTheHandWorkedInterval()
    {
        // mean 3, s = sqrt(2.5), se = s / sqrt(5) = 0.7071, t(0.975, 4) = 2.7764, half-width 1.9632.
        var interval = MeanInterval.FromMoments(5, 15, 55);

        Assert.Equal(3, interval.Mean, 10);
        Assert.Equal(1.0368, interval.Low, 3);
        Assert.Equal(4.9632, interval.High, 3);
    }

    [Fact]
    public void FromMoments_SimulatedSamples_CoverTheTrueMeanAbout95PercentOfTheTime()
    {
        var random = new Random(7);
        var covered = 0;
        const int trials = 4000;
        for (var t = 0; t < trials; t++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < 20; i++)
            {
                var x = 10 + (random.NextDouble() * 6);   // uniform on [10, 16]: true mean 13
                sum += x;
                squares += x * x;
            }

            var interval = MeanInterval.FromMoments(20, sum, squares);
            covered += interval.Low <= 13 && 13 <= interval.High ? 1 : 0;
        }

        Assert.InRange(covered / (double)trials, 0.935, 0.965);
    }

    [Fact]
    public void DiffersFrom_SeparatedAndOverlappingSamples_TellsThemApart()
    {
        var low = MeanInterval.FromMoments(100, 1000, (100 * 100) + (100 * 1.0));    // mean 10, variance ≈ 1
        var high = MeanInterval.FromMoments(100, 1100, (100 * 121) + (100 * 1.0));   // mean 11
        var close = MeanInterval.FromMoments(100, 1001, (100 * 10.01 * 10.01) + (100 * 1.0));

        Assert.True(high.DiffersFrom(low));
        Assert.False(close.DiffersFrom(low));
    }

    [Fact]
    public void Compute_TimeSegments_MeansEqualTheQuestionsMeanOrderValue()
    {
        var data = TinyData.Load();

        var intervals = GroupIntervals.Compute(data, GroupingDimension.TimeSegment);
        var question = TimeSegments.Compute(data).Rows;

        Assert.Equal(question.Select(r => Instacart.Data.Derivation.Labels.Of(r.TimeSegment)), intervals.Groups.Select(g => g.Group));
        Assert.Equal(question.Select(r => r.MeanOrderValue!.Value), intervals.Groups.Select(g => g.OrderValue.Mean), new ToleranceComparer(1e-9));
        Assert.Equal(3, intervals.Groups.Single(g => g.Group == "Midday").OrderValue.Count);
    }

    [Fact]
    public void Sentence_OneGroup_SaysThereIsNothingToCompare()
    {
        var intervals = GroupIntervals.Compute(TinyData.Load(), GroupingDimension.Loyalty);

        Assert.Equal("There is only one group, so there is nothing to compare.", intervals.Sentence());
    }

    [Fact]
    public void Sentence_Sample_StatesSignificanceForBothMeasures()
    {
        var sentence = GroupIntervals.Compute(InstacartData.Load(RepoPaths.DataSample), GroupingDimension.Region).Sentence();

        Assert.Contains("Mean order value is highest for", sentence);
        Assert.Contains("95% CI", sentence);
        Assert.Matches("(a significant difference|within the noise)", sentence);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
