using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Cleanup.Api.Media;

public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media");
        api.MapGet("/leaving-soon", GetLeavingSoon).WithName("GetLeavingSoon");
        api.MapGet("/{id}", GetItem).WithName("GetMediaItem");
        return app;
    }

    public static async Task<Ok<LeavingSoonList>> GetLeavingSoon(
        IMediaStore store, IOptions<CleanupSettings> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = (await store.ListAsync(cancellationToken))
            .Where(r => r.Status is "LeavingSoon" or "Due" && r.DeletionDate is not null && !r.Kept)
            .OrderBy(r => r.DeletionDate)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .Select(r => LeavingSoonItem.From(r, now))
            .ToList();
        return TypedResults.Ok(new LeavingSoonList(items, items.Count, items.Sum(i => i.SizeBytes), settings.Value.LeavingSoonWindowDays, !settings.Value.DeletesForReal));
    }

    public static async Task<Results<Ok<MediaDetail>, ProblemHttpResult>> GetItem(
        string id, IMediaStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Item not found", detail: $"No item with id '{id}' is in the library.")
            : TypedResults.Ok(MediaDetail.From(record, time.GetUtcNow()));
    }
}
