using System.Security.Claims;
using Cleanup.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cleanup.FunctionsHost.Http;

/// <summary>
/// Who may call the API, checked in every HTTP function before its handler runs: <c>viewer</c> (or <c>admin</c>) for
/// GET and HEAD, <c>admin</c> for everything else; 401 without a principal, 403 without the role. The same rule as
/// infra/staticwebapp.config.json, so the app does not depend on the edge alone.
/// </summary>
/// <remarks>
/// The roles come from the <c>x-ms-client-principal</c> header. It is trusted only because this app is reachable
/// solely through the Static Web App's linked backend: the "Azure Static Web Apps (Linked)" authentication
/// provider rejects every request SWA did not proxy, and SWA sets the header itself (infra/README.md,
/// "Authentication and what the API trusts"). Anyone who can reach the app directly can forge it.
/// </remarks>
internal static class ApiAccess
{
    private const string AuthenticationType = "StaticWebApps";

    /// <summary>Runs <paramref name="handler"/> when the caller has the role the method needs; the handler's result is written as is.</summary>
    public static async Task<IActionResult> RunAsync<TResult>(HttpRequest request, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        if (Refuse(request) is { } refused)
        {
            return new ResultAction(refused);
        }

        return new ResultAction(await handler());
    }

    private static IResult? Refuse(HttpRequest request)
    {
        if (ClientPrincipal.From(request) is not { } principal)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in required",
                detail: "Sign in through the dashboard; the API accepts only requests that Static Web Apps forwards with the signed-in user.");
        }

        var needsAdmin = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (needsAdmin ? !principal.IsAdmin : !principal.IsViewer)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed",
                detail: needsAdmin ? "Changing anything needs the 'admin' role." : "Reading needs the 'viewer' or 'admin' role.");
        }

        // The handlers name the actor from HttpContext.User (RequestActor.Name), as under the self-host's sign-in.
        var claims = new List<Claim>();
        if (!string.IsNullOrEmpty(principal.UserDetails))
        {
            claims.Add(new Claim(ClaimTypes.Name, principal.UserDetails));
        }

        claims.AddRange(principal.UserRoles.Select(role => new Claim(ClaimTypes.Role, role)));
        request.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
        return null;
    }
}
