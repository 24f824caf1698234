namespace Cleanup.Engine.Rules;

/// <summary>What happens to an item when its rule makes it due (and no protection applies).</summary>
public enum RuleAction
{
    /// <summary>Remove it from Radarr/Sonarr with its files (episodes and seasons: delete their files).</summary>
    Delete,

    /// <summary>Keep it in Radarr/Sonarr, unmonitored, and delete its files.</summary>
    UnmonitorAndDeleteFiles,

    /// <summary>Only unmonitor it, so that nothing new is downloaded; files stay.</summary>
    UnmonitorOnly,

    /// <summary>The rule matches but asks for nothing: the item is never due by it (a way to exempt items).</summary>
    DoNothing,
}
