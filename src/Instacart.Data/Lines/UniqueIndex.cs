namespace Instacart.Data.Lines;

/// <summary>
/// Maps a dense integer id to its row, checking that the id is unique: the right side of every many-to-one
/// join (SPEC §3). Ids are dense small integers in the real data, so the map is an array indexed by id; should
/// a file hold ids far sparser than its row count, a dictionary is used instead so memory stays bounded.
/// </summary>
public sealed class UniqueIndex
{
    private readonly int[]? rowById;
    private readonly Dictionary<int, int>? sparse;

    private UniqueIndex(int[]? rowById, Dictionary<int, int>? sparse)
    {
        this.rowById = rowById;
        this.sparse = sparse;
    }

    /// <summary>
    /// Indexes <paramref name="ids"/>; a repeated id calls <paramref name="onDuplicate"/> with the row of the
    /// repeat and the row of its first occurrence, and throws what it returns.
    /// </summary>
    public static UniqueIndex Build(int[] ids, Func<int, int, Exception> onDuplicate)
    {
        var max = 0;
        foreach (var id in ids)
        {
            max = Math.Max(max, id);
        }

        if ((long)max <= (4L * ids.Length) + 1024)
        {
            var rowById = new int[max + 1];
            Array.Fill(rowById, -1);
            for (var row = 0; row < ids.Length; row++)
            {
                ref var slot = ref rowById[ids[row]];
                if (slot >= 0)
                {
                    throw onDuplicate(row, slot);
                }

                slot = row;
            }

            return new UniqueIndex(rowById, null);
        }

        var sparse = new Dictionary<int, int>(ids.Length);
        for (var row = 0; row < ids.Length; row++)
        {
            if (!sparse.TryAdd(ids[row], row))
            {
                throw onDuplicate(row, sparse[ids[row]]);
            }
        }

        return new UniqueIndex(null, sparse);
    }

    /// <summary>Hints that <see cref="RowOf"/> of <paramref name="id"/> is coming (<see cref="Memory.Prefetch"/>); nothing for a sparse index.</summary>
    internal void PrefetchRowOf(int id)
    {
        if (rowById is not null)
        {
            Memory.Prefetch.Element(rowById, id);
        }
    }

    /// <summary>The row holding <paramref name="id"/>, or -1.</summary>
    public int RowOf(int id)
    {
        if (rowById is not null)
        {
            return (uint)id < (uint)rowById.Length ? rowById[id] : -1;
        }

        return sparse!.TryGetValue(id, out var row) ? row : -1;
    }
}
