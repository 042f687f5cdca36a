namespace Instacart.Analysis.Preparation;

/// <summary>One count of the reconciliation (SPEC §3) with what it counts.</summary>
/// <param name="Key">The count's key in <c>answers.json</c>, e.g. <c>lines_merged</c>.</param>
/// <param name="Count">The count.</param>
/// <param name="Meaning">What is counted, in words, thresholds included.</param>
public sealed record ReconciliationRow(string Key, long Count, string Meaning);

/// <summary>What one step of the merge (or the activity filter after it) kept and dropped.</summary>
/// <param name="Step">The step, e.g. "join clean products".</param>
/// <param name="LinesBefore">Order lines entering the step.</param>
/// <param name="LinesDropped">Order lines the step dropped.</param>
/// <param name="LinesAfter">Order lines leaving the step.</param>
/// <param name="Rule">Why a line is dropped there.</param>
public sealed record JoinLossRow(string Step, long LinesBefore, long LinesDropped, long LinesAfter, string Rule);

/// <summary>A row of <c>products.csv</c> that cleaning dropped.</summary>
/// <param name="Line">Its line in <c>products.csv</c> (the header is line 1).</param>
/// <param name="ProductId">Its product id.</param>
/// <param name="ProductName">Its name as read (empty for a nameless row).</param>
/// <param name="Reason">Why it was dropped: "nameless", "duplicate row" or "conflicting id".</param>
public sealed record DroppedProductRow(long Line, int ProductId, string ProductName, string Reason);

/// <summary>What a step of the line flow shows.</summary>
public enum LineFlowKind
{
    /// <summary>The lines read: the flow's start.</summary>
    Start,

    /// <summary>Lines a step dropped.</summary>
    Dropped,

    /// <summary>The lines that remain after the steps before.</summary>
    Remaining,
}

/// <summary>One bar of the line flow, from the lines read to the active customers' lines.</summary>
/// <param name="Stage">The bar's label.</param>
/// <param name="Lines">Its count (positive, also for dropped lines).</param>
/// <param name="Kind">Whether it starts the flow, drops lines or shows what remains.</param>
public sealed record LineFlowStep(string Stage, long Lines, LineFlowKind Kind);
