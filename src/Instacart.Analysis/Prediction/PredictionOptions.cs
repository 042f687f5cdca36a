namespace Instacart.Analysis.Prediction;

/// <summary>How the reorder model's rows are sampled and split and how the models are trained.</summary>
public sealed record PredictionOptions
{
    /// <summary>The defaults.</summary>
    public static PredictionOptions Default { get; } = new();

    /// <summary>The seed of every random choice: user sample, split, ML.NET contexts, LightGBM, permutations.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The share of eligible users (in a seeded random order) that form the test fold; the rest train.</summary>
    public double TestShare { get; init; } = 0.2;

    /// <summary>
    /// The most candidate rows (user × previously bought product) trained on: training-fold users are taken in the
    /// seeded order until the next would pass the cap, so every user keeps all or none of their rows.
    /// </summary>
    public int MaxTrainCandidates { get; init; } = 500_000;

    /// <summary>The most candidate rows the models are tested on, taken from the test fold the same way.</summary>
    public int MaxTestCandidates { get; init; } = 400_000;

    /// <summary>The most L-BFGS iterations of the logistic regression.</summary>
    public int LogisticIterations { get; init; } = 100;

    /// <summary>L-BFGS stops when the loss improves by less than this (relative).</summary>
    public double LogisticTolerance { get; init; } = 1e-4;

    /// <summary>LightGBM boosting rounds.</summary>
    public int LightGbmIterations { get; init; } = 50;

    /// <summary>LightGBM leaves per tree.</summary>
    public int LightGbmLeaves { get; init; } = 15;

    /// <summary>LightGBM learning rate.</summary>
    public double LightGbmLearningRate { get; init; } = 0.1;

    /// <summary>LightGBM's smallest number of rows in a leaf.</summary>
    public int LightGbmMinLeafRows { get; init; } = 100;

    /// <summary>Threads for the trainers; 1 keeps every run bit-for-bit repeatable.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Train the two models side by side and score the importance shuffles concurrently when the machine has more
    /// than one core (each trainer still uses <see cref="Threads"/>); the results are the same either way.
    /// </summary>
    public bool Concurrent { get; init; } = true;

    /// <summary>Permutation importance uses at most this many test rows (a seeded sample of test users' rows).</summary>
    public int ImportanceRows { get; init; } = 50_000;
}
