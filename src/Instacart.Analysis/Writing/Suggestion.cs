namespace Instacart.Analysis.Writing;

/// <summary>
/// What an answer's numbers suggest doing, in a sentence or two that state the rule behind them. A notebook shows it
/// at the end of a question's page (as <c>&lt;p class="suggestion"&gt;</c>), and an index can pick it up from there.
/// </summary>
/// <param name="Text">The suggestion in plain words.</param>
public sealed record Suggestion(string Text)
{
    /// <summary>A suggestion from its text, so that a question can return the sentence it writes.</summary>
    public static implicit operator Suggestion(string text) => new(text);

    /// <summary>A suggestion from its text (the named form of the conversion).</summary>
    public static Suggestion FromText(string text) => new(text);

    /// <summary>The text.</summary>
    public override string ToString() => Text;
}
