using Instacart.Analysis.Answers;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Statistics;
using Instacart.Data;

namespace Instacart.Analysis.Sessions;

/// <summary>
/// Everything a partitioned dataset's session answers exactly, as a partial state of one customer part that adds up
/// across parts: the cheap answers (<see cref="AnswerPartials"/>), the interval moments of the six
/// <see cref="GroupingDimension"/>s, and notebook 00's preparation (the products' cleaning, the same in every part, with
/// the counts of the merged reconciliation). In-process only: the notebook-only parts are not in
/// <see cref="AnswerPartials"/>' bytes.
/// </summary>
internal sealed class DatasetPartials
{
    private readonly Lazy<IReadOnlyList<IQuestionAnswer>> _answers;
    private readonly DataPreparation _firstPreparation;

    private DatasetPartials(AnswerPartials answers, IReadOnlyList<IntervalMoments> intervals, DataPreparation firstPreparation)
    {
        Answers = answers;
        Intervals = intervals;
        _firstPreparation = firstPreparation;
        _answers = new Lazy<IReadOnlyList<IQuestionAnswer>>(answers.Answers, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The cheap answers' partial state.</summary>
    public AnswerPartials Answers { get; }

    /// <summary>The interval moments of each <see cref="GroupingDimension"/>, indexed by its value.</summary>
    public IReadOnlyList<IntervalMoments> Intervals { get; }

    /// <summary>The cheap answers, finished once (in notebook order, as <see cref="AnswerPartials.Answers"/>).</summary>
    public IReadOnlyList<IQuestionAnswer> CheapAnswers => _answers.Value;

    /// <summary>Notebook 00's summary: the products' cleaning of any part with the merged counts.</summary>
    public DataPreparation Preparation => _firstPreparation.With(Answers.Reconciliation);

    /// <summary>The state of <paramref name="part"/>, computed now: it holds no reference to the data.</summary>
    public static DatasetPartials Compute(InstacartData part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var intervals = Enum.GetValues<GroupingDimension>().Select(d => GroupIntervals.Moments(part, d)).ToList();
        return new DatasetPartials(AnswerPartials.Compute(part), intervals, DataPreparation.Summarize(part));
    }

    /// <summary>Both parts' state together: exact, in any order (see <see cref="AnswerPartials.Merge(AnswerPartials, AnswerPartials)"/>).</summary>
    public static DatasetPartials Merge(DatasetPartials first, DatasetPartials second) => new(
        AnswerPartials.Merge(first.Answers, second.Answers),
        [.. first.Intervals.Zip(second.Intervals, IntervalMoments.Sum)],
        first._firstPreparation);
}
