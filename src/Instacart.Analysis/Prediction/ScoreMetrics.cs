namespace Instacart.Analysis.Prediction;

/// <summary>Precision, recall and F1 of the rule "positive when score ≥ threshold".</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Precision">True positives / predicted positives.</param>
/// <param name="Recall">True positives / actual positives.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
public sealed record ThresholdMetrics(double Threshold, double Precision, double Recall, double F1);

/// <summary>Ranking metrics of scores against binary labels, computed directly (no ML.NET), to check the evaluator and to scan thresholds.</summary>
internal static class ScoreMetrics
{
    /// <summary>
    /// The area under the ROC curve: the probability that a random positive scores above a random negative, ties
    /// counting one half (Mann–Whitney U from average ranks). NaN when either class is absent.
    /// </summary>
    public static double Auc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        if (labels.Count != n)
        {
            throw new ArgumentException("One label per score is needed.", nameof(labels));
        }

        var order = Enumerable.Range(0, n).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double positiveRankSum = 0;
        long positives = 0;
        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            var averageRank = ((i + 1) + (j + 1)) / 2.0; // ranks from 1, ties share their average
            for (var t = i; t <= j; t++)
            {
                if (labels[order[t]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Scans every distinct score as a threshold (positive when score ≥ threshold) and returns the one with the
    /// highest F1 (ties: the higher threshold). With no positive label every F1 is 0 and the top score is returned.
    /// </summary>
    public static ThresholdMetrics BestF1(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        if (labels.Count != n)
        {
            throw new ArgumentException("One label per score is needed.", nameof(labels));
        }

        if (n == 0)
        {
            return new ThresholdMetrics(double.NaN, 0, 0, 0);
        }

        var order = Enumerable.Range(0, n).ToArray();
        var keys = scores.Select(s => -s).ToArray(); // descending scores
        Array.Sort(keys, order);
        long positives = labels.LongCount(l => l);
        long truePositives = 0, predicted = 0;
        ThresholdMetrics? best = null;
        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            for (var t = i; t <= j; t++)
            {
                predicted++;
                truePositives += labels[order[t]] ? 1 : 0;
            }

            var precision = (double)truePositives / predicted;
            var recall = positives == 0 ? 0 : (double)truePositives / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (best is null || f1 > best.F1)
            {
                best = new ThresholdMetrics(-keys[i], precision, recall, f1);
            }

            i = j + 1;
        }

        return best!;
    }
}
