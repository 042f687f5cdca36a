using Instacart.Analysis.Prediction;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Prediction;

public class ReorderPredictionTests
{
    private static readonly Lazy<InstacartData> Sample = new(() => InstacartData.Load(RepoPaths.DataSample));
    private static readonly Lazy<ReorderPrediction> Result = new(() => ReorderPrediction.Compute(Sample.Value));

    [Fact]
    public void Compute_Sample_BothModelsRankBetterThanChance()
    {
        var models = Result.Value.Models;

        Assert.Equal(["logistic_regression", "lightgbm"], models.Select(m => m.Model));
        foreach (var m in models)
        {
            Assert.InRange(m.Auc, 0.65, 1.0);
            Assert.Equal(m.Auc, m.AucCheck, 9);          // ML.NET's evaluator and the rank computation agree
            Assert.InRange(m.F1, 0.2, 1.0);
            Assert.Equal(2 * m.Precision * m.Recall / (m.Precision + m.Recall), m.F1, 9);
        }
    }

    [Fact]
    public void Compute_Sample_ReportsImportanceOfEveryFeature()
    {
        var importance = Result.Value.Importance;

        Assert.Equal(ReorderFeature.All.Select(f => f.Key).Order(), importance.Select(i => i.Feature).Order());
        Assert.Equal(importance.Select(i => i.AucDrop).OrderByDescending(d => d), importance.Select(i => i.AucDrop));
        Assert.True(importance[0].AucDrop > 0.01);
        Assert.Contains(importance[0].Description, Result.Value.Sentence());
    }

    [Fact]
    public void Compute_Sample_UsesTheTrainOrdersAndSplitsUsers()
    {
        var result = Result.Value;

        Assert.Equal(PredictionTarget.Train, result.Target);
        Assert.Equal(result.UsersEligible, result.UsersTrain + result.UsersTest);   // the sample is under the cap
        Assert.Equal(result.CandidatesEligible, result.Candidates);
        Assert.Equal(result.Candidates, result.TrainRows + result.TestRows);
        Assert.InRange(result.PositiveRate, 0.01, 0.5);
    }

    [Fact]
    public void Compute_SameSeedOnAnotherLoad_GivesIdenticalOutput()
    {
        var again = ReorderPrediction.Compute(InstacartData.Load(RepoPaths.DataSample));

        Assert.NotSame(Result.Value, again);
        Assert.Equal(Result.Value.ToJson().ToJsonString(), again.ToJson().ToJsonString());
    }

    [Fact]
    public void Compute_OneAfterTheOther_GivesTheSameOutputAsSideBySide()
    {
        var sequential = ReorderPrediction.Compute(Sample.Value, new PredictionOptions { Concurrent = false });

        Assert.NotSame(Result.Value, sequential);
        Assert.Equal(Result.Value.ToJson().ToJsonString(), sequential.ToJson().ToJsonString());
    }

    [Fact]
    public void Compute_TwiceInOneSession_ReturnsTheSameInstance()
    {
        using var session = new AnalysisSession(TinyData.Load());

        Assert.Same(ReorderPrediction.Compute(session), ReorderPrediction.Compute(session));
        Assert.Same(ReorderPrediction.Compute(session), ReorderPrediction.Compute(session, PredictionOptions.Default));
        Assert.Same(ReorderPrediction.Compute(session, new PredictionOptions { Seed = 7 }), ReorderPrediction.Compute(session, new PredictionOptions { Seed = 7 }));
        Assert.NotSame(ReorderPrediction.Compute(session), ReorderPrediction.Compute(session, new PredictionOptions { Seed = 7 }));
    }

    [Fact]
    public void Compute_OnTheDataItself_TrainsAgainWithTheSameResult()
    {
        var data = TinyData.Load();
        using var session = new AnalysisSession(data);

        var fresh = ReorderPrediction.Compute(data);

        Assert.NotSame(fresh, ReorderPrediction.Compute(session));
        Assert.Equal(fresh.ToJson().ToJsonString(), ReorderPrediction.Compute(session).ToJson().ToJsonString());
    }

    [Fact]
    public void Compute_Sample_MethodSaysHowTheCapsWereChosen()
    {
        var method = Result.Value.Method();

        Assert.Contains("learning curve", method);
        Assert.Contains("no user is in both", method);
    }

    [Fact]
    public void ToJson_HasTheAnswersShape()
    {
        var json = Result.Value.ToJson();

        Assert.Equal("train", json["target"]!.GetValue<string>());
        foreach (var key in new[] { "users_train", "users_test", "candidates", "models", "importance" })
        {
            Assert.True(json.ContainsKey(key), key);
        }

        var model = json["models"]![1]!.AsObject();
        Assert.Equal("lightgbm", model["model"]!.GetValue<string>());
        foreach (var key in new[] { "auc", "f1", "threshold", "precision", "recall" })
        {
            Assert.True(model.ContainsKey(key), key);
        }

        Assert.Equal(["feature", "level", "auc_drop"], json["importance"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Compute_TooFewUsers_SaysSoInsteadOfTraining()
    {
        var result = ReorderPrediction.Compute(TinyData.Load());

        Assert.Empty(result.Models);
        Assert.StartsWith("Too few", result.Sentence());
    }

    [Fact]
    public void Frames_HaveOneRowPerModelAndFeature()
    {
        Assert.Equal(2, Result.Value.ToDataFrame().Rows.Count);
        Assert.Equal(ReorderFeature.All.Count, Result.Value.ImportanceFrame().Rows.Count);
        Assert.Contains("no user is in both", Result.Value.Method());
    }
}
