using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cleanup.FunctionsHost.Http;

/// <summary>
/// Reads an optional JSON body the way the self-host's minimal API binds one: empty is null, malformed is a 400
/// ProblemDetails (never a 500), with the API's JSON settings.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadOptionalAsync<T>(HttpRequest request)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var options = request.HttpContext.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        try
        {
            return (JsonSerializer.Deserialize<T>(text, options), null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request body is not valid JSON",
                detail: $"Invalid JSON at {ex.Path ?? "$"} (line {ex.LineNumber})."));
        }
    }
}
