namespace Instacart.Analysis.Writing;

/// <summary>How a row property shows in a stakeholder's table (<see cref="AnswerTable"/>): its title in words, or not at all.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TableColumnAttribute : Attribute
{
    /// <summary>Shows the property under <paramref name="title"/>.</summary>
    public TableColumnAttribute(string title) => Title = title;

    /// <summary>Leaves the property out of the table (ids and numbers a name already says).</summary>
    public TableColumnAttribute() => Hidden = true;

    /// <summary>The column title, or null for the property name in words.</summary>
    public string? Title { get; }

    /// <summary>Whether the column is left out.</summary>
    public bool Hidden { get; }
}
