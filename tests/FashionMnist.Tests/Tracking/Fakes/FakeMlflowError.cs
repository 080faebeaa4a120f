namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>An error the fake server responds with, as MLflow's JSON <c>{"error_code", "message"}</c>.</summary>
internal sealed class FakeMlflowError(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;

    public static FakeMlflowError InvalidParameter(string message) => new(400, "INVALID_PARAMETER_VALUE", message);

    public static FakeMlflowError NotFound(string message) => new(404, "RESOURCE_DOES_NOT_EXIST", message);

    public static FakeMlflowError Missing(string parameter) => InvalidParameter(
        $"Missing value for required parameter '{parameter}'. See the API docs for more information about request "
        + "parameters.");

    public static FakeMlflowError WrongType(string parameter, string valueRepr, string pythonType) => InvalidParameter(
        $"Invalid value {valueRepr} for parameter '{parameter}' supplied:  Hint: Value was of type '{pythonType}'. "
        + "See the API docs for more information about request parameters.");
}
