using System.Collections.Concurrent;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Tests.Workflows.Support;

/// <summary>In-memory Radarr: holds movies, records every change as a line, can be told to fail.</summary>
public sealed class FakeRadarr(string name = "radarr") : IMovieManager
{
    private readonly ConcurrentQueue<string> calls = new();

    public string Name { get; } = name;

    public List<ArrMovie> Movies { get; } = [];

    public IReadOnlyList<string> Calls => [.. calls];

    public bool ReadFails { get; set; }

    /// <summary>Changes throw this (the movie is left as it was).</summary>
    public Exception? ChangeFailure { get; set; }

    public ArrMovie AddMovie(int id, string title, long size = 1_000_000_000, int? fileId = null)
    {
        var movie = new ArrMovie(Name, id, title, 2000, 1000 + id, null, null, null, size, HasFile: true, Monitored: true, [], MovieFileId: fileId ?? 500 + id);
        lock (Movies)
        {
            Movies.Add(movie);
        }

        return movie;
    }

    public Task<IReadOnlyList<ArrMovie>> ListMoviesAsync(CancellationToken cancellationToken)
    {
        if (ReadFails)
        {
            throw new SourceReadException(Name, ServiceKind.Radarr, "HTTP 503 after 4 attempts");
        }

        lock (Movies)
        {
            return Task.FromResult<IReadOnlyList<ArrMovie>>([.. Movies]);
        }
    }

    public Task DeleteMovieAsync(int movieId, bool deleteFiles, bool addImportExclusion, CancellationToken cancellationToken)
    {
        Change($"delete movie {movieId} files={deleteFiles} exclusion={addImportExclusion}");
        lock (Movies)
        {
            Movies.RemoveAll(m => m.Id == movieId);
        }

        return Task.CompletedTask;
    }

    public Task SetMonitoredAsync(IReadOnlyCollection<int> movieIds, bool monitored, CancellationToken cancellationToken)
    {
        Change($"monitor {string.Join(',', movieIds)} {monitored}");
        Update(m => movieIds.Contains(m.Id), m => m with { Monitored = monitored });
        return Task.CompletedTask;
    }

    public Task DeleteMovieFileAsync(int movieFileId, CancellationToken cancellationToken)
    {
        Change($"delete moviefile {movieFileId}");
        Update(m => m.MovieFileId == movieFileId, m => m with { HasFile = false, MovieFileId = null, SizeOnDisk = 0 });
        return Task.CompletedTask;
    }

    private void Change(string call)
    {
        if (ChangeFailure is { } failure)
        {
            calls.Enqueue("FAILED " + call);
            throw failure;
        }

        calls.Enqueue(call);
    }

    private void Update(Func<ArrMovie, bool> match, Func<ArrMovie, ArrMovie> change)
    {
        lock (Movies)
        {
            for (var i = 0; i < Movies.Count; i++)
            {
                if (match(Movies[i]))
                {
                    Movies[i] = change(Movies[i]);
                }
            }
        }
    }
}

/// <summary>In-memory Sonarr with series, episodes and a call log.</summary>
public sealed class FakeSonarr(string name = "sonarr") : ISeriesManager
{
    private readonly ConcurrentQueue<string> calls = new();

    public string Name { get; } = name;

    public List<ArrSeries> Series { get; } = [];

    public List<ArrEpisode> Episodes { get; } = [];

    public IReadOnlyList<string> Calls => [.. calls];

    public Task<IReadOnlyList<ArrSeries>> ListSeriesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ArrSeries>>([.. Series]);

    public Task<IReadOnlyList<ArrEpisode>> ListEpisodesAsync(int seriesId, CancellationToken cancellationToken)
    {
        calls.Enqueue($"list episodes {seriesId}");
        return Task.FromResult<IReadOnlyList<ArrEpisode>>([.. Episodes.Where(e => e.SeriesId == seriesId)]);
    }

    public Task DeleteSeriesAsync(int seriesId, bool deleteFiles, bool addImportListExclusion, CancellationToken cancellationToken)
    {
        calls.Enqueue($"delete series {seriesId} files={deleteFiles} exclusion={addImportListExclusion}");
        Series.RemoveAll(s => s.Id == seriesId);
        return Task.CompletedTask;
    }

    public Task DeleteEpisodeFilesAsync(int seriesId, IReadOnlyCollection<int> episodeFileIds, CancellationToken cancellationToken)
    {
        calls.Enqueue($"delete episodefiles {seriesId}: {string.Join(',', episodeFileIds)}");
        for (var i = 0; i < Episodes.Count; i++)
        {
            if (Episodes[i].EpisodeFileId is { } f && episodeFileIds.Contains(f))
            {
                Episodes[i] = Episodes[i] with { EpisodeFileId = null, HasFile = false };
            }
        }

        return Task.CompletedTask;
    }

    public Task SetEpisodesMonitoredAsync(IReadOnlyCollection<int> episodeIds, bool monitored, CancellationToken cancellationToken)
    {
        calls.Enqueue($"monitor episodes {string.Join(',', episodeIds)} {monitored}");
        for (var i = 0; i < Episodes.Count; i++)
        {
            if (episodeIds.Contains(Episodes[i].Id))
            {
                Episodes[i] = Episodes[i] with { Monitored = monitored };
            }
        }

        return Task.CompletedTask;
    }

    public Task SetSeasonMonitoredAsync(int seriesId, int seasonNumber, bool monitored, CancellationToken cancellationToken)
    {
        calls.Enqueue($"monitor season {seriesId}/{seasonNumber} {monitored}");
        for (var i = 0; i < Series.Count; i++)
        {
            if (Series[i].Id == seriesId)
            {
                Series[i] = Series[i] with { Seasons = [.. Series[i].Seasons.Select(s => s.SeasonNumber == seasonNumber ? s with { Monitored = monitored } : s)] };
            }
        }

        return Task.CompletedTask;
    }

    public Task SetSeriesMonitoredAsync(IReadOnlyCollection<int> seriesIds, bool monitored, CancellationToken cancellationToken)
    {
        calls.Enqueue($"monitor series {string.Join(',', seriesIds)} {monitored}");
        for (var i = 0; i < Series.Count; i++)
        {
            if (seriesIds.Contains(Series[i].Id))
            {
                Series[i] = Series[i] with { Monitored = monitored };
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class FakeMediaServer(string name = "jellyfin", ServiceKind kind = ServiceKind.Jellyfin) : IMediaServer
{
    private int refreshes;

    public string Name { get; } = name;

    public ServiceKind Kind { get; } = kind;

    public List<MediaServerItem> Items { get; } = [];

    public List<MediaServerUser> Users { get; } = [new(name, "u1", "anna", false, false), new(name, "u2", "ben", false, true)];

    public List<UserWatchState> States { get; } = [];

    /// <summary>The changedSince each watch-state read was made with.</summary>
    public List<DateTimeOffset?> WatchStateReads { get; } = [];

    public Dictionary<string, IReadOnlyCollection<string>> Collections { get; } = [];

    public int Refreshes => Volatile.Read(ref refreshes);

    public bool ReadFails { get; set; }

    public Task<IReadOnlyList<MediaServerUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        ReadFails ? throw new SourceReadException(Name, Kind, "connection failed after 4 attempts") : Task.FromResult<IReadOnlyList<MediaServerUser>>([.. Users]);

    public Task<IReadOnlyList<MediaServerItem>> ListItemsAsync(CancellationToken cancellationToken) =>
        ReadFails ? throw new SourceReadException(Name, Kind, "connection failed after 4 attempts") : Task.FromResult<IReadOnlyList<MediaServerItem>>([.. Items]);

    public Task<IReadOnlyList<UserWatchState>> ListWatchStateAsync(MediaServerUser user, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        lock (WatchStateReads)
        {
            WatchStateReads.Add(changedSince);
        }

        return Task.FromResult<IReadOnlyList<UserWatchState>>([.. States.Where(s => s.UserId == user.UserId && (changedSince is null || s.LastPlayed > changedSince))]);
    }

    public List<NowPlaying> Playing { get; } = [];

    public Task<IReadOnlyList<NowPlaying>> ListNowPlayingAsync(CancellationToken cancellationToken) =>
        ReadFails ? throw new SourceReadException(Name, Kind, "connection failed after 4 attempts") : Task.FromResult<IReadOnlyList<NowPlaying>>([.. Playing]);

    public Task RefreshLibraryAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref refreshes);
        return Task.CompletedTask;
    }

    public Task SyncCollectionAsync(string name, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        Collections[name] = [.. itemIds];
        return Task.CompletedTask;
    }
}

public sealed class FakeRequests(string name = "jellyseerr") : IRequestSource
{
    public string Name { get; } = name;

    public ServiceKind Kind => ServiceKind.Jellyseerr;

    public List<MediaRequest> Requests { get; } = [];

    public List<int> DeletedMedia { get; } = [];

    public Task<IReadOnlyList<MediaRequest>> ListRequestsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MediaRequest>>([.. Requests]);

    public Task DeleteMediaAsync(int mediaId, CancellationToken cancellationToken)
    {
        lock (DeletedMedia)
        {
            DeletedMedia.Add(mediaId);
        }

        return Task.CompletedTask;
    }
}

public sealed class FakeHistory(string name = "jellystat") : IWatchHistorySource
{
    public string Name { get; } = name;

    public ServiceKind Kind => ServiceKind.Jellystat;

    public List<DateTimeOffset?> Reads { get; } = [];

    public Task<IReadOnlyList<WatchHistoryEntry>> ListHistoryAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        lock (Reads)
        {
            Reads.Add(since);
        }

        return Task.FromResult<IReadOnlyList<WatchHistoryEntry>>([]);
    }
}

public sealed class FakeCatalog : IServiceCatalog
{
    public List<IMovieManager> Movies { get; } = [];

    public List<ISeriesManager> Series { get; } = [];

    public List<IMediaServer> Servers { get; } = [];

    public List<IRequestSource> Requests { get; } = [];

    public List<IWatchHistorySource> History { get; } = [];

    public IReadOnlyList<IMovieManager> MovieManagers => Movies;

    public IReadOnlyList<ISeriesManager> SeriesManagers => Series;

    public IReadOnlyList<IMediaServer> MediaServers => Servers;

    public IReadOnlyList<IRequestSource> RequestSources => Requests;

    public IReadOnlyList<IWatchHistorySource> WatchHistorySources => History;
}
