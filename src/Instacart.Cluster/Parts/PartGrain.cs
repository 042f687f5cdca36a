using Instacart.Analysis.Answers;
using Instacart.Data.Input;
using Instacart.Data.Partitions;

namespace Instacart.Cluster.Parts;

/// <summary>
/// Answers one part: opens the dataset at the key's folder, loads the part and computes its partial answers. It keeps
/// nothing between calls, so an activation elsewhere after a silo dies answers the same bytes.
/// </summary>
/// <remarks>
/// Placed at random among the live silos: the parts of a run arrive together, before any load statistic could
/// tell the silos apart, and the default (resource-optimised) placement put them all on one silo.
/// </remarks>
[Orleans.Placement.RandomPlacement]
internal sealed class PartGrain(ILocalSiloDetails silo, SiloEvents events) : Grain, IPartGrain
{
    /// <inheritdoc />
    public async Task<PartAnswer> Answer()
    {
        var part = (int)this.GetPrimaryKeyLong(out var folder);
        var where = silo.SiloAddress.ToString();
        await events.Gate.WaitAsync();
        events.Report($"part {part}: answering");
        try
        {
            // The load and the partials run on the thread pool: the silo's own work (membership probes among it) goes on beside them.
            var bytes = await Task.Run(() =>
            {
                var dataset = PartitionedDataset.Open(folder ?? throw new DatasetException($"part {part}: the grain's key names no dataset folder"));
                using var data = dataset.LoadPart(part);
                return AnswerPartials.Compute(data).ToBytes();
            });
            events.Report($"part {part}: answered ({bytes.Length:N0} bytes)");
            return new PartAnswer(bytes, null, where);
        }
        catch (DatasetException e)
        {
            events.Report($"part {part}: {e.Message}");
            return new PartAnswer(null, e.Message, where);
        }
        catch (InputException e)
        {
            events.Report($"part {part}: {e.Message}");
            return new PartAnswer(null, $"part {part}: {e.Message}", where);
        }
        finally
        {
            events.Gate.Release();
        }
    }
}
