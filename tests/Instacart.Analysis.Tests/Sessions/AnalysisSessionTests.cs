using Instacart.Analysis.Affinity;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Sessions;

/// <summary>The session owns the results computed from its data: shared while it lives, gone when disposed.</summary>
public sealed class AnalysisSessionTests
{
    [Fact]
    public void Compute_ConcurrentCallers_ShareOneComputation()
    {
        using var session = new AnalysisSession(TinyData.Load());

        var answers = Enumerable.Range(0, 8).AsParallel().Select(_ => BasketAffinity.Compute(session)).ToList();

        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    [Fact]
    public void Compute_TwoSessionsOverTheSameData_DoNotShare()
    {
        var data = TinyData.Load();
        using var first = new AnalysisSession(data);
        using var second = new AnalysisSession(data);

        Assert.NotSame(BasketAffinity.Compute(first), BasketAffinity.Compute(second));
    }

    [Fact]
    public void Compute_AfterDispose_Throws()
    {
        var session = new AnalysisSession(TinyData.Load());
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => BasketAffinity.Compute(session));
    }

    [Fact]
    public void Load_TheSameFolderTwice_GivesTwoLoads()
    {
        using var first = AnalysisSession.Load(RepoPaths.DataSample);
        using var second = AnalysisSession.Load(RepoPaths.DataSample);

        Assert.NotSame(first.Data, second.Data);
        Assert.Equal(first.Data.Fingerprint, second.Data.Fingerprint);
    }
}
