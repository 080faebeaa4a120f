using System.Text;
using System.Text.Json;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>A request the fake server received, with the status of its response.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    string? ContentType,
    string? Authorization,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    public int Status { get; set; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The number of elements of an array field of the JSON body, 0 when absent.</summary>
    public int CountOf(string field) =>
        Json.TryGetProperty(field, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.GetArrayLength()
            : 0;
}
