using Cleanup.Engine.Deletion;
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
        api.MapPost("/{id}/keep", Keep).WithName("KeepMediaItem");
        api.MapDelete("/{id}/keep", Unkeep).WithName("UnkeepMediaItem");
        return app;
    }

    public static async Task<Ok<LeavingSoonList>> GetLeavingSoon(
        IMediaStore store, IRuleStore rules, IOptions<DeletionOptions> deletion, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = (await store.ListAsync(cancellationToken))
            .Where(r => r.IsLeaving && r.DeletionDate is not null)
            .OrderBy(r => r.DeletionDate)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .Select(r => LeavingSoonItem.From(r, now))
            .ToList();
        var timeline = (await rules.LoadAsync(cancellationToken)).Settings.Settings.Timeline;
        return TypedResults.Ok(new LeavingSoonList(
            items, items.Count, items.Sum(i => i.SizeBytes), (int)(timeline.LeavingSoonWindow.Duration?.TotalDays ?? 0), (int)(timeline.GracePeriod.Duration?.TotalDays ?? 0), deletion.Value.Mode == DeletionMode.DryRun));
    }

    public static async Task<Results<Ok<MediaDetail>, ProblemHttpResult>> GetItem(
        string id, IMediaStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null
            ? NotFound(id)
            : TypedResults.Ok(MediaDetail.From(record, time.GetUtcNow()));
    }

    /// <summary>Keeps an item (and everything under a series or season), for good or until a date.</summary>
    public static async Task<Results<Ok<MediaDetail>, ProblemHttpResult, ValidationProblem>> Keep(
        string id, KeepRequest? request, HttpContext http, IMediaStore store, IKeepStore keeps, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request?.Until is { } until && until <= now)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["until"] = [$"'until' must be in the future (was {until:O})."] },
                title: "Invalid keep");
        }

        if (request?.Reason is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["'reason' is at most 500 characters."] }, title: "Invalid keep");
        }

        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return NotFound(id);
        }

        var keep = new ManualKeep(id, request?.Until, request?.Reason, RequestActor.Name(http), now);
        await keeps.SetAsync(keep, cancellationToken);

        // Show the keep at once; the next sync re-evaluates with the keep as a protection.
        var kept = record with
        {
            Kept = true,
            KeptUntil = keep.Until,
            Status = "Kept",
            Trace = [.. record.Trace, $"Kept by {keep.KeptBy} on {now:yyyy-MM-dd}" + (keep.Until is { } u ? $" until {u:yyyy-MM-dd}" : string.Empty) + "."],
            UpdatedAt = now,
        };
        await store.ApplyChangesAsync([kept], [], cancellationToken);
        return TypedResults.Ok(MediaDetail.From(kept, now));
    }

    /// <summary>Removes a manual keep; the next sync decides the item afresh.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Unkeep(
        string id, IMediaStore store, IKeepStore keeps, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await keeps.RemoveAsync(id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No keep", detail: $"Item '{id}' is not kept.");
        }

        if (await store.GetAsync(id, cancellationToken) is { } record)
        {
            await store.ApplyChangesAsync([record with { Kept = false, KeptUntil = null, UpdatedAt = time.GetUtcNow() }], [], cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Item not found", detail: $"No item with id '{id}' is in the library.");
}

/// <summary>Body of <c>POST /api/media/{id}/keep</c>: keep for good (no <see cref="Until"/>) or postpone until a date.</summary>
public sealed record KeepRequest(DateTimeOffset? Until, string? Reason);
