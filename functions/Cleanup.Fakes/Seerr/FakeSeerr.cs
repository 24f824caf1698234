using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;

namespace Cleanup.Fakes.Seerr;

/// <summary>
/// Jellyseerr or Overseerr (<c>/api/v1</c>) on loopback, serving the library's requests and users. Like the real
/// ones: take/skip paging with <c>pageInfo</c>, nulls written as null (Express serializes TypeORM entities),
/// millisecond dates, <c>DELETE /media/{id}</c> 204 or 404, public <c>/status</c>. A request's id doubles as its
/// media id. <see cref="Fault.TruncatedPaging"/> makes pageInfo claim more than is ever returned.
/// </summary>
public sealed class FakeSeerr : FakeService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ServiceKind kind;

    public FakeSeerr(FakeLibrary library, string apiKey, ServiceKind kind = ServiceKind.Jellyseerr, string urlBase = "")
        : base(library, apiKey)
    {
        this.kind = kind is ServiceKind.Jellyseerr or ServiceKind.Overseerr
            ? kind
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "A Seerr fake is Jellyseerr or Overseerr.");
        UrlBase = NormalizeBase(urlBase);
    }

    public override ServiceKind Kind => kind;

    protected override string UrlBase { get; }

    /// <summary>Rows the truncated-paging fault claims beyond the real ones.</summary>
    public int TruncatedExtra { get; set; } = 15;

    /// <summary><c>2024-05-01T10:20:30.000Z</c>, as JavaScript's <c>Date.toJSON</c> writes it.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    protected override bool IsAuthorized(HttpContext context) =>
        context.Request.Headers["X-Api-Key"].ToString() == ApiKey;

    protected override bool IsPublic(HttpContext context) =>
        context.Request.Path.Equals(UrlBase + "/api/v1/status", StringComparison.OrdinalIgnoreCase);

    /// <summary>Seerr answers a missing or wrong key with 403 and a message.</summary>
    protected override int UnauthorizedStatus => StatusCodes.Status403Forbidden;

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup(UrlBase + "/api/v1");
        api.MapGet("/status", () => Results.Json(new
        {
            version = kind == ServiceKind.Jellyseerr ? "2.7.3" : "1.34.0",
            commitTag = kind == ServiceKind.Jellyseerr ? "v2.7.3" : "v1.34.0",
            updateAvailable = false,
            commitsBehind = 0,
            restartRequired = false,
        }, Json));

        api.MapGet("/request", (HttpContext context) =>
        {
            var (take, skip) = Paging(context);
            var filter = context.Request.Query["filter"].ToString();
            // Only Jellyseerr knows sortDirection; Overseerr always lists newest first.
            var ascending = kind == ServiceKind.Jellyseerr && context.Request.Query["sortDirection"] == "asc";
            lock (Library.Sync)
            {
                var rows = Library.Requests.Where(r => !r.Deleted && Matches(r, filter));
                rows = ascending ? rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id) : rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
                return Page(rows.Select(Request).ToList(), take, skip);
            }
        });

        api.MapGet("/user", (HttpContext context) =>
        {
            var (take, skip) = Paging(context);
            lock (Library.Sync)
            {
                return Page(Library.Users.Select((u, i) => User(u, i + 1)).ToList(), take, skip);
            }
        });

        api.MapDelete("/media/{mediaId}", (string mediaId) =>
        {
            lock (Library.Sync)
            {
                var request = int.TryParse(mediaId, out var id) ? Library.Requests.FirstOrDefault(r => r.Id == id && !r.Deleted) : null;
                if (request is null)
                {
                    return Results.Json(new { message = "Media not found." }, Json, statusCode: StatusCodes.Status404NotFound);
                }

                // Deleting the media removes its requests with it.
                request.Deleted = true;
                return Results.NoContent();
            }
        });
    }

    private static (int Take, int Skip) Paging(HttpContext context)
    {
        var take = int.TryParse(context.Request.Query["take"], out var t) && t > 0 ? t : 10;
        var skip = int.TryParse(context.Request.Query["skip"], out var s) && s >= 0 ? s : 0;
        return (take, skip);
    }

    private static bool Matches(FakeRequest request, string filter) => filter switch
    {
        "" or "all" => true,
        "pending" => request.Status == 1,
        "approved" or "processing" => request.Status == 2,
        "failed" => request.Status == 4,
        "completed" or "available" => request.Status == 5,
        _ => true,
    };

    private IResult Page(IReadOnlyList<object> all, int take, int skip)
    {
        var total = TruncatePaging ? all.Count + TruncatedExtra : all.Count;
        var rows = all.Skip(skip).Take(take).ToList();
        return Results.Json(new
        {
            pageInfo = new { pages = (int)Math.Ceiling(total / (double)take), pageSize = take, results = total, page = (skip / take) + 1 },
            results = rows,
        }, Json);
    }

    /// <summary>A request with its media and requester; call under <see cref="FakeLibrary.Sync"/>.</summary>
    private Dictionary<string, object?> Request(FakeRequest r)
    {
        var index = Library.Users.FindIndex(u => u.Name == r.User);
        var user = index >= 0 ? Library.Users[index] : new FakeUser(r.User);
        var created = Date(r.CreatedAt);
        var media = new Dictionary<string, object?>
        {
            ["downloadStatus"] = Array.Empty<object>(),
            ["downloadStatus4k"] = Array.Empty<object>(),
            ["id"] = r.Id,
            ["mediaType"] = r.IsMovie ? "movie" : "tv",
            ["tmdbId"] = r.TmdbId,
            ["tvdbId"] = r.TvdbId,
            ["imdbId"] = null,
            ["status"] = r.Status == 5 ? 5 : 3,
            ["status4k"] = 1,
            ["createdAt"] = created,
            ["updatedAt"] = created,
            ["lastSeasonChange"] = created,
            ["mediaAddedAt"] = r.Status == 5 ? created : null,
            ["serviceId"] = 0,
            ["serviceId4k"] = null,
            ["externalServiceId"] = r.Id,
            ["externalServiceId4k"] = null,
            ["externalServiceSlug"] = r.TmdbId.ToString(CultureInfo.InvariantCulture),
            ["externalServiceSlug4k"] = null,
            ["ratingKey"] = null,
            ["ratingKey4k"] = null,
        };
        if (kind == ServiceKind.Jellyseerr)
        {
            media["jellyfinMediaId"] = FakeKeys.JellyfinId(r.IsMovie ? FakeKeys.Movie(r.TmdbId) : FakeKeys.Series(r.TvdbId ?? 0));
            media["jellyfinMediaId4k"] = null;
        }
        else
        {
            media["ratingKey"] = FakeKeys.PlexRatingKey(r.IsMovie ? FakeKeys.Movie(r.TmdbId) : FakeKeys.Series(r.TvdbId ?? 0)).ToString(CultureInfo.InvariantCulture);
        }

        return new Dictionary<string, object?>
        {
            ["id"] = r.Id,
            ["status"] = r.Status,
            ["createdAt"] = created,
            ["updatedAt"] = created,
            ["type"] = r.IsMovie ? "movie" : "tv",
            ["is4k"] = false,
            ["serverId"] = 0,
            ["profileId"] = 1,
            ["rootFolder"] = r.IsMovie ? "/movies" : "/tv",
            ["languageProfileId"] = null,
            ["tags"] = null,
            ["isAutoRequest"] = false,
            ["media"] = media,
            ["seasons"] = r.IsMovie ? Array.Empty<object>() : new object[] { new { id = r.Id * 10, seasonNumber = 1, status = r.Status, createdAt = created, updatedAt = created } },
            ["modifiedBy"] = null,
            ["requestedBy"] = User(user, index >= 0 ? index + 1 : 0),
            ["seasonCount"] = r.IsMovie ? 0 : 1,
        };
    }

    /// <summary>
    /// A user as Seerr sends it. Jellyseerr's users come from Jellyfin (userType 3, jellyfinUsername), Overseerr's from
    /// Plex (userType 1, plexUsername); username stays null for both, so displayName comes from the server's chain.
    /// </summary>
    private Dictionary<string, object?> User(FakeUser u, int id)
    {
        var joined = Date(Library.TimeProvider.GetUtcNow().AddDays(-400 + id));
        var user = new Dictionary<string, object?>
        {
            ["permissions"] = u.IsAdministrator ? 2 : 32,
            ["id"] = id,
            ["email"] = u.Email ?? $"{u.Name}@local",
            ["plexUsername"] = kind == ServiceKind.Overseerr ? u.Name : null,
            ["username"] = null,
            ["recoveryLinkExpirationDate"] = null,
            ["userType"] = kind == ServiceKind.Jellyseerr ? 3 : 1,
            ["plexId"] = kind == ServiceKind.Overseerr ? 1000 + id : null,
            ["avatar"] = $"/avatarproxy/{id}",
            ["movieQuotaLimit"] = null,
            ["movieQuotaDays"] = null,
            ["tvQuotaLimit"] = null,
            ["tvQuotaDays"] = null,
            ["createdAt"] = joined,
            ["updatedAt"] = joined,
            ["requestCount"] = Library.Requests.Count(r => r.User == u.Name && !r.Deleted),
            ["displayName"] = u.Name,
        };
        if (kind == ServiceKind.Jellyseerr)
        {
            user["jellyfinUsername"] = u.Name;
            user["jellyfinUserId"] = FakeKeys.JellyfinId("user:" + u.Name);
        }

        return user;
    }
}
