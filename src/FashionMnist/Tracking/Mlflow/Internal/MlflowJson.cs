using System.Text.Json;
using System.Text.Json.Serialization;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>JSON settings of MLflow's REST API and of the run journal.</summary>
internal static class MlflowJson
{
    /// <summary>
    /// snake_case names, no null fields, and non-finite doubles as the strings "NaN", "Infinity" and
    /// "-Infinity". That is the proto3 JSON mapping that MLflow's Python client produces with protobuf's
    /// MessageToJson (mlflow/utils/proto_json_utils.py), and that the server parses back into doubles.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };
}
