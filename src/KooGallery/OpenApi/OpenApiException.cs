namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// A marketplace Open API call that did not succeed. The message names the result code and the marketplace's own
/// message; it never holds credentials.
/// </summary>
public sealed class OpenApiException : Exception
{
    private const int LongestQuotedMessage = 300;

    public OpenApiException(string resultCode, int? httpStatus, bool transient, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ResultCode = resultCode;
        HttpStatus = httpStatus;
        Transient = transient;
    }

    /// <summary>The marketplace's <c>resultCode</c> (or the API gateway's <c>error_code</c>); empty when the answer had none or none came.</summary>
    public string ResultCode { get; }

    /// <summary>The HTTP status of the answer; null when no answer came.</summary>
    public int? HttpStatus { get; }

    /// <summary>True when the same call may succeed later: no answer, HTTP 5xx, 408 or 429, or MKT.0999, MKT.0100, MKT.0250.</summary>
    public bool Transient { get; }

    internal static OpenApiException Refused(string operation, string resultCode, string? resultMsg, int httpStatus)
    {
        var said = string.IsNullOrEmpty(resultCode) ? $"HTTP {httpStatus} without a result code" : $"{resultCode} (HTTP {httpStatus})";
        return new(resultCode, httpStatus, IsTransient(resultCode, httpStatus), $"The marketplace {operation} answered {said}: {Quote(resultMsg)}");
    }

    internal static OpenApiException Unreadable(string operation, string resultCode, int httpStatus, string problem) =>
        new(resultCode, httpStatus, false, $"The marketplace {operation} answered {resultCode} (HTTP {httpStatus}) but {problem}");

    internal static OpenApiException NoAnswer(string operation, Exception fault) =>
        new("", null, true, $"The marketplace {operation} got no answer: {fault.Message}", fault);

    internal static bool IsTransient(string resultCode, int? httpStatus) =>
        httpStatus is null or >= 500 or 408 or 429 || resultCode is "MKT.0999" or "MKT.0100" or "MKT.0250";

    private static string Quote(string? text) =>
        string.IsNullOrEmpty(text) ? "(no message)" : QuotedText.Shorten(text, LongestQuotedMessage);
}
