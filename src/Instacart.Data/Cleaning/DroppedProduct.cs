namespace Instacart.Data.Cleaning;

/// <summary>Why a product row was not kept.</summary>
public enum ProductDropReason
{
    /// <summary>The name is empty or only whitespace.</summary>
    Nameless,

    /// <summary>The row repeats an earlier row exactly.</summary>
    DuplicateRow,

    /// <summary>The id was already taken by an earlier row with other values; the first row is kept.</summary>
    ConflictingId,
}

/// <summary>A product row that cleaning dropped, for the data-preparation report.</summary>
/// <param name="Line">The line of <c>products.csv</c>.</param>
/// <param name="ProductId">The row's product id.</param>
/// <param name="Name">The row's name (product names are not personal data).</param>
/// <param name="Reason">Why it was dropped.</param>
public sealed record DroppedProduct(long Line, int ProductId, string Name, ProductDropReason Reason);
