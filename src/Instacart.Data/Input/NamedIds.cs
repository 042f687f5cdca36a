namespace Instacart.Data.Input;

/// <summary>A small id → name lookup (departments, aisles), held in an array indexed by id.</summary>
public sealed class NamedIds
{
    private readonly string?[] names;

    internal NamedIds(string fileName, IReadOnlyList<(int Id, string Name)> rows)
    {
        FileName = fileName;
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Id);
        names = new string?[max + 1];
        foreach (var (id, name) in rows)
        {
            names[id] = name;
        }

        Ids = rows.Select(r => r.Id).Order().ToArray();
    }

    /// <summary>The file the names came from.</summary>
    public string FileName { get; }

    /// <summary>Every id, ascending.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The largest id (0 when empty).</summary>
    public int MaxId => names.Length - 1;

    /// <summary>Whether <paramref name="id"/> is known.</summary>
    public bool Contains(int id) => id >= 0 && id < names.Length && names[id] is not null;

    /// <summary>The name of <paramref name="id"/>; throws for an unknown id.</summary>
    public string this[int id] => Contains(id) ? names[id]! : throw new KeyNotFoundException($"No id {id} in {FileName}.");

    /// <summary>The name of <paramref name="id"/>, or <c>null</c>.</summary>
    public string? NameOrNull(int id) => Contains(id) ? names[id] : null;
}
