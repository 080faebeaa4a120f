using System.Text;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>The content of one log-batch request, within the server's limits.</summary>
internal sealed record MlflowBatch(
    IReadOnlyList<MlflowMetric> Metrics,
    IReadOnlyList<MlflowParam> Params,
    IReadOnlyList<MlflowTag> Tags)
{
    // Room left under MlflowKeys.MaxBatchRequestBytes for the run id, field names and escaping.
    private const int ByteBudget = MlflowKeys.MaxBatchRequestBytes - 50_000;

    public int Count => Metrics.Count + Params.Count + Tags.Count;

    /// <summary>
    /// Splits metrics, parameters and tags into batches of at most 1000 metrics, 100 parameters, 100 tags,
    /// 1000 entities and about 950 kB each, keeping the order within each kind. Returns no batch for no data.
    /// </summary>
    public static IReadOnlyList<MlflowBatch> Split(
        IReadOnlyList<MlflowMetric> metrics,
        IReadOnlyList<MlflowParam> parameters,
        IReadOnlyList<MlflowTag> tags)
    {
        var batches = new List<MlflowBatch>();
        int nextMetric = 0, nextParam = 0, nextTag = 0;
        while (nextMetric < metrics.Count || nextParam < parameters.Count || nextTag < tags.Count)
        {
            var room = new Room();
            var batchParams = Take(
                parameters, ref nextParam, MlflowKeys.MaxParamsPerBatch, room, p => Size(p.Key, p.Value));
            var batchTags = Take(tags, ref nextTag, MlflowKeys.MaxTagsPerBatch, room, t => Size(t.Key, t.Value));
            var batchMetrics = Take(
                metrics, ref nextMetric, MlflowKeys.MaxMetricsPerBatch, room, m => Size(m.Key, "") + 60);
            batches.Add(new MlflowBatch(batchMetrics, batchParams, batchTags));
        }
        return batches;
    }

    private static List<T> Take<T>(IReadOnlyList<T> items, ref int next, int maxOfKind, Room room, Func<T, int> size)
    {
        var selected = new List<T>();
        while (next < items.Count && selected.Count < maxOfKind && room.Entities < MlflowKeys.MaxEntitiesPerBatch)
        {
            var itemBytes = size(items[next]);
            // The first entity of a batch always goes in, so a single large value cannot stall the split.
            if (room.Entities > 0 && room.Bytes + itemBytes > ByteBudget)
                break;
            selected.Add(items[next]);
            room.Entities++;
            room.Bytes += itemBytes;
            next++;
        }
        return selected;
    }

    // JSON escaping can make a character up to six bytes; keys and values are rarely more than ASCII.
    private static int Size(string key, string value) =>
        Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) + 32;

    private sealed class Room
    {
        public int Entities;
        public int Bytes;
    }
}
