using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using static Cleanup.Fakes.Json.FakeJsonResponse;

namespace Cleanup.Fakes.Jellyfin;

/// <summary>
/// A Jellyfin 10.11 server (or, with <c>emby: true</c>, an Emby server under <c>/emby</c>) serving the library:
/// PascalCase, nulls omitted, N-format GUIDs (<see cref="FakeKeys.JellyfinId"/>), <c>UserData</c> only when a
/// <c>userId</c> is given, paging by <c>startIndex</c>/<c>limit</c>, 204 on actions, collections kept in memory.
/// </summary>
public sealed partial class FakeJellyfin(FakeLibrary library, string apiKey, bool emby = false) : FakeService(library, apiKey)
{
    private readonly Dictionary<string, FakeCollection> collections = new(StringComparer.OrdinalIgnoreCase);

    public override ServiceKind Kind => emby ? ServiceKind.Emby : ServiceKind.Jellyfin;

    public bool IsEmby => emby;

    public string ServerId { get; } = FakeKeys.JellyfinId(emby ? "server:emby" : "server:jellyfin");

    public string Version { get; set; } = emby ? "4.8.10.0" : "10.11.11";

    /// <summary>How many library refreshes were asked for.</summary>
    public int RefreshCount => Calls.Count(c => c.Path.EndsWith("/Library/Refresh", StringComparison.OrdinalIgnoreCase));

    protected override string UrlBase => emby ? "/emby" : string.Empty;

    /// <summary>The server's id of a library user (the same in Jellystat).</summary>
    public static string UserId(string userName) => FakeKeys.JellyfinId("user:" + userName);

    /// <summary>Collections by name with their member ids, as they are now.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Collections
    {
        get
        {
            lock (collections)
            {
                return collections.Values.ToDictionary(c => c.Name, c => (IReadOnlyList<string>)[.. c.ItemIds], StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Adds a collection as if the owner had made it in the web UI.</summary>
    public string AddCollection(string name, params string[] itemIds)
    {
        lock (collections)
        {
            var c = new FakeCollection(FakeKeys.JellyfinId("collection:" + name), name);
            c.ItemIds.AddRange(itemIds);
            collections[c.Id] = c;
            return c.Id;
        }
    }

    protected override bool IsPublic(HttpContext context) =>
        context.Request.Path.Value?.EndsWith("/System/Info/Public", StringComparison.OrdinalIgnoreCase) == true;

    protected override bool IsAuthorized(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (!emby && TokenInAuthorization(headers.Authorization.ToString()) is { } token)
        {
            return token == ApiKey;
        }

        // Emby, and Jellyfin before 12.0 (legacy header still on), take X-Emby-Token or api_key.
        var key = headers["X-Emby-Token"].ToString();
        if (string.IsNullOrEmpty(key))
        {
            key = context.Request.Query["api_key"].ToString();
        }

        return key == ApiKey;
    }

    private static string? TokenInAuthorization(string header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var match = TokenPattern().Match(header);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("^(?:MediaBrowser|Emby)\\s.*\\bToken=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();

    protected override void Map(WebApplication app)
    {
        var api = emby ? app.MapGroup("/emby") : (IEndpointRouteBuilder)app;
        api.MapGet("/System/Info/Public", (HttpContext c) => WriteAsync(c, new
        {
            LocalAddress = BaseUrl,
            ServerName = emby ? "Fake Emby" : "Fake Jellyfin",
            Version,
            ProductName = emby ? "Emby Server" : "Jellyfin Server",
            Id = ServerId,
            StartupWizardCompleted = true,
        }, AsDeclared));

        if (emby)
        {
            api.MapGet("/Users/Query", (HttpContext c) =>
            {
                var users = UsersJson();
                return WriteAsync(c, new { Items = users, TotalRecordCount = users.Count }, AsDeclared);
            });
        }
        else
        {
            api.MapGet("/Users", (HttpContext c) => WriteAsync(c, UsersJson(), AsDeclared));
        }

        api.MapGet("/Items", GetItems);
        api.MapGet("/Sessions", (HttpContext c) => WriteAsync(c, SessionsJson(), AsDeclared));
        api.MapPost("/Library/Refresh", () => Results.NoContent());
        api.MapPost("/Collections", CreateCollection);
        api.MapPost("/Collections/{collectionId}/Items", (HttpContext c, string collectionId) => ChangeCollection(c, collectionId, add: true));
        api.MapDelete("/Collections/{collectionId}/Items", (HttpContext c, string collectionId) => ChangeCollection(c, collectionId, add: false));
    }

    private List<object> UsersJson()
    {
        lock (Library.Sync)
        {
            return Library.Users.Select(u => (object)new
            {
                Name = u.Name,
                ServerId,
                Id = UserId(u.Name),
                HasPassword = true,
                HasConfiguredPassword = true,
                HasConfiguredEasyPassword = false,
                EnableAutoLogin = false,
                LastActivityDate = LastActivity(u.Name) is { } last ? JellyfinDate(last) : null,
                Policy = new
                {
                    IsAdministrator = u.IsAdministrator,
                    IsHidden = !u.IsAdministrator,
                    IsDisabled = false,
                    EnableAllFolders = true,
                    AuthenticationProviderId = "Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider",
                    PasswordResetProviderId = "Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider",
                },
            }).ToList();
        }
    }

    private DateTimeOffset? LastActivity(string user) =>
        Library.Watches.Where(w => w.User == user && w.LastPlayed is not null).Select(w => w.LastPlayed).Max();

    private async Task GetItems(HttpContext c)
    {
        var userIdText = Query(c, "userId");
        string? userName = null;
        if (userIdText is not null)
        {
            if (!Guid.TryParse(userIdText, out var userGuid))
            {
                c.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            lock (Library.Sync)
            {
                userName = Library.Users.FirstOrDefault(u => UserId(u.Name) == userGuid.ToString("N"))?.Name;
            }

            if (userName is null)
            {
                c.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        var types = QueryList(c, "includeItemTypes");
        var fields = QueryList(c, "fields");
        var ids = QueryList(c, "ids").Select(NormalizeId).ToHashSet(StringComparer.Ordinal);
        var searchTerm = Query(c, "searchTerm");
        var parentId = Query(c, "parentId") is { } p ? NormalizeId(p) : null;
        var minSaved = MinDate(c, "minDateLastSaved") ?? MinDate(c, "minDateLastSavedForUser");
        var withUserData = userName is not null && QueryBool(c, "enableUserData") != false;
        var start = Math.Max(0, QueryInt(c, "startIndex") ?? 0);
        var limit = QueryInt(c, "limit");

        List<object> page;
        int total;
        lock (Library.Sync)
        {
            var all = FakeJellyfinItem.From(Library);
            IEnumerable<FakeJellyfinItem> matching;
            if (types.Contains("BoxSet"))
            {
                matching = CollectionItems(searchTerm);
            }
            else if (parentId is not null && CollectionById(parentId) is { } collection)
            {
                var members = collection.ItemIds.Select(NormalizeId).ToHashSet(StringComparer.Ordinal);
                matching = all.Where(i => members.Contains(i.Id));
            }
            else
            {
                matching = all.Where(i => types.Count == 0 || types.Contains(i.Type));
                if (parentId is not null)
                {
                    matching = matching.Where(i => i.SeriesId == parentId || i.SeasonId == parentId);
                }

                if (searchTerm is not null)
                {
                    matching = matching.Where(i => i.Name.Contains(searchTerm, StringComparison.OrdinalIgnoreCase));
                }
            }

            if (ids.Count > 0)
            {
                matching = matching.Where(i => ids.Contains(i.Id));
            }

            // Like Jellyfin 10.11: both "min date last saved" filters compare the item's own save date, not the user's data.
            if (minSaved is { } min)
            {
                matching = matching.Where(i => i.DateCreated >= min);
            }

            var list = matching.ToList();
            total = list.Count;
            var watches = withUserData ? WatchesOf(userName!) : null;
            page = list.Skip(start).Take(limit ?? int.MaxValue).Select(i => ItemJson(i, fields, watches)).ToList();
        }

        if (TruncatePaging)
        {
            // Claims more than it will ever send: later pages come back empty.
            total += Math.Max(1, total / 2);
        }

        await WriteAsync(c, new { Items = page, TotalRecordCount = total, StartIndex = start }, AsDeclared).ConfigureAwait(false);
    }

    private static DateTimeOffset? MinDate(HttpContext c, string name) =>
        Query(c, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>One user's watch per item key, from a per-library index (the library keeps them in one list; benchmarks serve large libraries).</summary>
    private Dictionary<string, FakeWatch> WatchesOf(string userName) =>
        DerivedView<Dictionary<string, Dictionary<string, FakeWatch>>>.Get(Library, IndexWatches).GetValueOrDefault(userName) ?? [];

    private static Dictionary<string, Dictionary<string, FakeWatch>> IndexWatches(FakeLibrary library)
    {
        var byUser = new Dictionary<string, Dictionary<string, FakeWatch>>(StringComparer.Ordinal);
        foreach (var w in library.Watches)
        {
            if (!byUser.TryGetValue(w.User, out var byKey))
            {
                byUser[w.User] = byKey = new Dictionary<string, FakeWatch>(StringComparer.Ordinal);
            }

            byKey.TryAdd(w.ItemKey, w);
        }

        return byUser;
    }

    private object ItemJson(FakeJellyfinItem item, HashSet<string> fields, Dictionary<string, FakeWatch>? watches)
    {
        var isFile = item.Type is "Movie" or "Episode";
        return new
        {
            Name = item.Name,
            ServerId,
            Id = item.Id,
            DateCreated = fields.Contains("DateCreated") ? JellyfinDate(item.DateCreated) : null,
            Path = fields.Contains("Path") ? item.Path : null,
            MediaSources = fields.Contains("MediaSources") && isFile
                ? new object[]
                {
                    new { Protocol = "File", Id = item.Id, Path = item.Path, Type = "Default", Container = "mkv", Size = item.Size, Name = item.Name, IsRemote = false },
                }
                : null,
            ProductionYear = item.Year,
            IndexNumber = item.IndexNumber,
            ParentIndexNumber = item.ParentIndexNumber,
            ProviderIds = fields.Contains("ProviderIds") ? item.ProviderIds : null,
            IsFolder = !isFile,
            Type = item.Type,
            SeriesName = item.SeriesName,
            SeriesId = item.SeriesId,
            SeasonId = item.SeasonId,
            UserData = watches is null ? null : UserDataJson(item, watches),
            LocationType = "FileSystem",
            MediaType = isFile ? "Video" : "Unknown",
        };
    }

    private static object UserDataJson(FakeJellyfinItem item, Dictionary<string, FakeWatch> watches)
    {
        if (item.Type is "Series" or "Season")
        {
            var episodes = item.EpisodeKeys.Select(k => watches.GetValueOrDefault(k)).ToList();
            var played = episodes.Count(w => w?.Played == true);
            var own = watches.GetValueOrDefault(item.Key);
            var last = episodes.Where(w => w?.LastPlayed is not null).Select(w => w!.LastPlayed).Max();
            return new
            {
                UnplayedItemCount = episodes.Count - played,
                PlaybackPositionTicks = 0L,
                PlayCount = 0,
                IsFavorite = own?.Favorite ?? false,
                LastPlayedDate = last is { } l ? JellyfinDate(l) : null,
                Played = episodes.Count > 0 && played == episodes.Count,
                PlayedPercentage = episodes.Count == 0 ? (double?)null : 100.0 * played / episodes.Count,
                Key = item.Id,
                ItemId = item.Id,
            };
        }

        var watch = watches.GetValueOrDefault(item.Key);
        return new
        {
            UnplayedItemCount = (int?)null,
            PlaybackPositionTicks = watch?.PositionTicks ?? 0,
            PlayCount = watch?.PlayCount ?? 0,
            IsFavorite = watch?.Favorite ?? false,
            LastPlayedDate = watch?.LastPlayed is { } lp ? JellyfinDate(lp) : null,
            Played = watch?.Played ?? false,
            PlayedPercentage = (double?)null,
            Key = item.Id,
            ItemId = item.Id,
        };
    }

    private List<object> SessionsJson()
    {
        lock (Library.Sync)
        {
            var all = FakeJellyfinItem.From(Library).ToDictionary(i => i.Key);
            var sessions = new List<object>();
            foreach (var (user, key) in Library.NowPlaying)
            {
                if (!all.TryGetValue(key, out var item))
                {
                    continue;
                }

                sessions.Add(new
                {
                    PlayState = new { PositionTicks = 12_000_000_000L, CanSeek = true, IsPaused = false, IsMuted = false, PlayMethod = "DirectPlay", RepeatMode = "RepeatNone" },
                    Id = FakeKeys.JellyfinId("session:" + user),
                    UserId = UserId(user),
                    UserName = user,
                    Client = "Jellyfin Web",
                    DeviceName = "Firefox",
                    DeviceId = FakeKeys.JellyfinId("device:" + user),
                    ApplicationVersion = Version,
                    IsActive = true,
                    SupportsMediaControl = true,
                    SupportsRemoteControl = true,
                    HasCustomDeviceName = false,
                    ServerId,
                    LastActivityDate = JellyfinDate(Library.TimeProvider.GetUtcNow()),
                    NowPlayingItem = new { Name = item.Name, ServerId, Id = item.Id, Type = item.Type, SeriesId = item.SeriesId, IsFolder = false, MediaType = "Video" },
                });
            }

            // An idle session (a TV app left open) has no NowPlayingItem at all.
            sessions.Add(new
            {
                Id = FakeKeys.JellyfinId("session:idle"),
                Client = "Android TV",
                DeviceName = "Living room",
                DeviceId = FakeKeys.JellyfinId("device:idle"),
                ApplicationVersion = Version,
                IsActive = true,
                SupportsMediaControl = false,
                SupportsRemoteControl = false,
                HasCustomDeviceName = false,
                ServerId,
                LastActivityDate = JellyfinDate(Library.TimeProvider.GetUtcNow()),
            });
            return sessions;
        }
    }

    private async Task CreateCollection(HttpContext c)
    {
        var name = Query(c, "name");
        if (name is null)
        {
            c.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var id = AddCollection(name, [.. QueryList(c, "ids").Select(NormalizeId)]);
        await WriteAsync(c, new { Id = id }, AsDeclared).ConfigureAwait(false);
    }

    private IResult ChangeCollection(HttpContext c, string collectionId, bool add)
    {
        lock (collections)
        {
            if (!collections.TryGetValue(NormalizeId(collectionId), out var collection))
            {
                return Results.NotFound();
            }

            foreach (var id in QueryList(c, "ids").Select(NormalizeId))
            {
                if (add && !collection.ItemIds.Contains(id))
                {
                    collection.ItemIds.Add(id);
                }
                else if (!add)
                {
                    collection.ItemIds.Remove(id);
                }
            }
        }

        return Results.NoContent();
    }

    private IEnumerable<FakeJellyfinItem> CollectionItems(string? searchTerm)
    {
        lock (collections)
        {
            return collections.Values
                .Where(col => searchTerm is null || col.Name.Contains(searchTerm, StringComparison.OrdinalIgnoreCase))
                .Select(col => new FakeJellyfinItem("collection:" + col.Name, col.Id, "BoxSet", col.Name, null, [], null, null, null, null, null, null, Library.TimeProvider.GetUtcNow(), null, []))
                .ToList();
        }
    }

    private FakeCollection? CollectionById(string id)
    {
        lock (collections)
        {
            return collections.GetValueOrDefault(id);
        }
    }

    private static string NormalizeId(string id) => Guid.TryParse(id, out var g) ? g.ToString("N") : id;

    private sealed record FakeCollection(string Id, string Name)
    {
        public List<string> ItemIds { get; } = [];
    }
}
