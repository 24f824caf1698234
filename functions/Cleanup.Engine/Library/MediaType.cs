namespace Cleanup.Engine.Library;

/// <summary>What a library item is. Seasons and episodes belong to a series.</summary>
public enum MediaType
{
    Movie,
    Series,
    Season,
    Episode,
}
