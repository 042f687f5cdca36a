namespace Instacart.Cluster.Parts;

/// <summary>
/// One part of a partitioned dataset, as a grain: its integer key is the part's index and its key extension the
/// dataset's folder (a path every silo sees). Orleans places it on a silo, and activates it again elsewhere when that
/// silo dies.
/// </summary>
[Alias("Instacart.Cluster.Parts.IPartGrain")]
public interface IPartGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Loads the part (every file checked against the dataset's manifest) and returns its partial answers as bytes.</summary>
    [Alias("Answer")]
    Task<PartAnswer> Answer();
}

/// <summary>What a part's grain returns: the partial answers' bytes, or why the part's data could not be read.</summary>
/// <param name="Partial">The part's <c>AnswerPartials</c> as bytes; null when <paramref name="Error"/> says why not.</param>
/// <param name="Error">A bad-data error naming the part and the file (a changed or missing file): retrying will not help.</param>
/// <param name="Silo">The silo that answered, for the progress lines.</param>
[GenerateSerializer]
[Alias("Instacart.Cluster.Parts.PartAnswer")]
public sealed record PartAnswer([property: Id(0)] byte[]? Partial, [property: Id(1)] string? Error, [property: Id(2)] string Silo);
