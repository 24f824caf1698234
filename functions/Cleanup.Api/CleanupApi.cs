using Cleanup.Api.Deletions;
using Cleanup.Api.Health;
using Cleanup.Api.Jobs;
using Cleanup.Api.Media;
using Cleanup.Api.Rules;
using Cleanup.Api.Services;
using Cleanup.Api.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api;

/// <summary>Every API area, mapped the same way by the self-host (the Functions host calls the handlers directly).</summary>
public static class CleanupApi
{
    public static IEndpointRouteBuilder MapCleanupApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthApi();
        app.MapMediaApi();
        app.MapServicesApi();
        app.MapRulesApi();
        app.MapJobsApi();
        app.MapDeletionsApi();
        app.MapWebhooksApi();
        return app;
    }
}
