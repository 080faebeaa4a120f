using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>The arguments of one API call: query parameters for GET, a JSON object for POST.</summary>
internal sealed class FakeCall(IQueryCollection query, JsonElement body)
{
    public IQueryCollection Query { get; } = query;

    public JsonElement Body { get; } = body;

    /// <summary>A body that is not a JSON object reads as an empty one, as the server reads malformed JSON.</summary>
    public static JsonElement ParseBody(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        return JsonDocument.Parse("{}").RootElement.Clone();
    }

    public string RequiredQuery(string name) =>
        Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString())
            ? values.ToString()
            : throw FakeMlflowError.Missing(name);

    public string? OptionalQuery(string name) =>
        Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    public string RequiredString(string name) => RequiredString(Body, name, name);

    public string? OptionalString(string name) => OptionalString(Body, name, name);

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } value ? value : throw FakeMlflowError.Missing(path);

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        if (element.ValueKind != JsonValueKind.String)
            throw FakeMlflowError.WrongType(path, element.GetRawText(), FakeMlflowJson.PythonType(element));
        return element.GetString();
    }

    public static long? OptionalLong(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
            return number;
        if (element.ValueKind == JsonValueKind.String
            && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw FakeMlflowError.WrongType(path, element.GetRawText(), FakeMlflowJson.PythonType(element));
    }

    public static long RequiredLong(JsonElement parent, string name, string path) =>
        OptionalLong(parent, name, path) ?? throw FakeMlflowError.Missing(path);

    /// <summary>
    /// A double as Python's float() reads it: a number, or a string such as "1.5", "NaN" or "-Infinity".
    /// </summary>
    public static double RequiredDouble(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            throw FakeMlflowError.Missing(path);
        if (element.ValueKind == JsonValueKind.Number)
            return element.GetDouble();
        if (element.ValueKind == JsonValueKind.String && ParsePythonFloat(element.GetString()!) is { } parsed)
            return parsed;
        throw FakeMlflowError.WrongType(path, element.GetRawText(), FakeMlflowJson.PythonType(element));
    }

    public static IEnumerable<JsonElement> Array(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return [];
        if (element.ValueKind != JsonValueKind.Array)
            throw FakeMlflowError.WrongType(name, element.GetRawText(), FakeMlflowJson.PythonType(element));
        return element.EnumerateArray().ToList();
    }

    private static double? ParsePythonFloat(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        return trimmed switch
        {
            "nan" or "+nan" or "-nan" => double.NaN,
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ when double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };
    }
}
