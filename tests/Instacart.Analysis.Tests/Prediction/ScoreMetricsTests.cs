using Instacart.Analysis.Prediction;

namespace Instacart.Analysis.Tests.Prediction;

public class ScoreMetricsTests
{
    [Fact]
    public void Auc_KnownRanking_IsThreeQuarters()
    {
        // Positive/negative pairs: (0.9, 0.8) right, (0.9, 0.6) right, (0.7, 0.8) wrong, (0.7, 0.6) right → 3/4.
        Assert.Equal(0.75, ScoreMetrics.Auc([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]), 12);
    }

    [Fact]
    public void Auc_OrderOfRows_DoesNotMatter()
    {
        Assert.Equal(0.75, ScoreMetrics.Auc([0.6f, 0.7f, 0.9f, 0.8f], [false, true, true, false]), 12);
    }

    [Fact]
    public void Auc_PerfectReversedAndTied()
    {
        Assert.Equal(1.0, ScoreMetrics.Auc([0.9f, 0.1f], [true, false]));
        Assert.Equal(0.0, ScoreMetrics.Auc([0.1f, 0.9f], [true, false]));
        Assert.Equal(0.5, ScoreMetrics.Auc([0.5f, 0.5f], [true, false]));
        // Ties count one half: positives 0.8 and 0.5, negatives 0.5 and 0.2 → (1 + 1 + 0.5 + 1) / 4.
        Assert.Equal(0.875, ScoreMetrics.Auc([0.8f, 0.5f, 0.5f, 0.2f], [true, true, false, false]), 12);
    }

    [Fact]
    public void Auc_OneClass_IsNaN()
    {
        Assert.True(double.IsNaN(ScoreMetrics.Auc([0.1f, 0.2f], [true, true])));
    }

    [Fact]
    public void BestF1_TinyCase_MatchesTheHandWorkedScan()
    {
        // Thresholds 0.9: P 1, R 1/2, F1 2/3; 0.8: P 1/2, R 1/2, F1 1/2; 0.7: P 2/3, R 1, F1 0.8; 0.6: P 1/2, R 1, F1 2/3.
        var best = ScoreMetrics.BestF1([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]);

        Assert.Equal(0.7, best.Threshold, 6);
        Assert.Equal(0.8, best.F1, 12);
        Assert.Equal(2 / 3.0, best.Precision, 12);
        Assert.Equal(1.0, best.Recall, 12);
    }

    [Fact]
    public void BestF1_TiedScores_AreOneThreshold()
    {
        // 0.9: no true positive (F1 0). At 0.5 both tied rows turn positive together: P 1/3, R 1, F1 1/2 —
        // splitting the tie (P 1/2 with only the positive) is not a threshold anyone can set.
        var best = ScoreMetrics.BestF1([0.9f, 0.5f, 0.5f], [false, true, false]);

        Assert.Equal(0.5, best.Threshold, 6);
        Assert.Equal(1 / 3.0, best.Precision, 12);
        Assert.Equal(1.0, best.Recall, 12);
        Assert.Equal(0.5, best.F1, 12);
    }
}
