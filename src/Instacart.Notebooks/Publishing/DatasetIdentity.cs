namespace Instacart.Notebooks.Publishing;

/// <summary>Which data a report was made from: recorded in <c>run.json</c> and in every page's header.</summary>
/// <param name="Fingerprint">The dataset fingerprint: a hash of the exact bytes of every input file.</param>
/// <param name="FolderName">The data folder's name (not its path: reports never hold machine paths).</param>
public sealed record DatasetIdentity(string Fingerprint, string FolderName);
