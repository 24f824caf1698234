using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cleanup.Api;

/// <summary>
/// Who made a request, as "user:&lt;name&gt;" for jobs, keeps and the audit: the signed-in user (the Functions host
/// sets it from the Static Web Apps principal), else the principal header itself, else "user:anonymous".
/// </summary>
public static class RequestActor
{
    public static string Name(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? $"user:{name}"
        : ClientPrincipal.From(http.Request) is { UserDetails: { Length: > 0 } details } ? $"user:{details}"
        : "user:anonymous";
}

/// <summary>
/// The <c>x-ms-client-principal</c> header Static Web Apps forwards to its linked backend (base64 JSON). It is trusted
/// only because the Functions app accepts traffic solely through SWA (see infra/README.md).
/// </summary>
public sealed record ClientPrincipal(string? IdentityProvider, string? UserId, string? UserDetails, IReadOnlyList<string> UserRoles)
{
    public const string HeaderName = "x-ms-client-principal";

    public bool IsAdmin => UserRoles.Contains("admin", StringComparer.OrdinalIgnoreCase);

    public bool IsViewer => IsAdmin || UserRoles.Contains("viewer", StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the header is absent or unreadable.</summary>
    public static ClientPrincipal? From(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        try
        {
            var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement;
            var roles = json.TryGetProperty("userRoles", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => x.GetString() ?? string.Empty).Where(x => x.Length > 0).ToArray()
                : [];
            return new ClientPrincipal(Str(json, "identityProvider"), Str(json, "userId"), Str(json, "userDetails"), roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
