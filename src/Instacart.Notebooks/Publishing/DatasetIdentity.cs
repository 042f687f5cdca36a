using Instacart.Data;
using Instacart.Data.Input;

namespace Instacart.Notebooks.Publishing;

/// <summary>Which data a report was made from: recorded in <c>run.json</c> and in every page's header.</summary>
/// <param name="Fingerprint">The dataset fingerprint: a hash of the exact bytes of every input file.</param>
/// <param name="FolderName">The data folder's name (not its path: reports never hold machine paths).</param>
public sealed record DatasetIdentity(string Fingerprint, string FolderName)
{
    /// <summary>Rows of <c>customers.csv</c>, when known.</summary>
    public long? Customers { get; init; }

    /// <summary>Prior orders, when known.</summary>
    public long? Orders { get; init; }

    /// <summary>Merged order lines (the <c>lines</c> population), when known.</summary>
    public long? Lines { get; init; }

    /// <summary>Whether the data came from the generator (its folder holds <see cref="SyntheticDataMarker.FileName"/>): every page says so.</summary>
    public bool Synthetic { get; init; }

    /// <summary>The identity of loaded data: its fingerprint, its folder's name, its counts, and whether the generator made it.</summary>
    /// <param name="data">The loaded data.</param>
    /// <param name="folder">The data folder it was loaded from.</param>
    /// <returns>The identity.</returns>
    public static DatasetIdentity Of(InstacartData data, string folder)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(folder);
        return new DatasetIdentity(data.Fingerprint, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))))
        {
            Customers = data.Reconciliation.CustomersRows,
            Orders = data.Reconciliation.PriorOrders,
            Lines = data.Reconciliation.LinesMerged,
            Synthetic = SyntheticDataMarker.IsIn(folder),
        };
    }

    /// <summary>
    /// The identity of a session's data: as <see cref="Of(InstacartData, string)"/>, with the counts of the whole data.
    /// On a partitioned dataset's session that is the dataset (the source's fingerprint, the counts merged over every
    /// part), not the customer sample the session's models use.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="folder">The data folder or dataset it was opened on.</param>
    /// <returns>The identity.</returns>
    public static DatasetIdentity Of(Instacart.Analysis.Sessions.AnalysisSession session, string folder)
    {
        ArgumentNullException.ThrowIfNull(session);
        var whole = session.Reconciliation;
        return Of(session.Data, folder) with
        {
            Customers = whole.CustomersRows,
            Orders = whole.PriorOrders,
            Lines = whole.LinesMerged,
        };
    }
}
