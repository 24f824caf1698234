using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Tests.Deletion;

public sealed class DeletionSwitchTests
{
    [Fact]
    public void Defaults_are_a_dry_run_with_a_small_budget()
    {
        var options = new DeletionOptions();

        Assert.Equal(DeletionMode.DryRun, options.Mode);
        Assert.Equal(new DeletionBudget(10, 100 * DeletionBudget.BytesPerGigabyte), options.Budget);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(true, false, DeletionMode.DryRun)]
    [InlineData(false, false, DeletionMode.DryRun)] // turning dry run off alone is not enough
    [InlineData(true, true, DeletionMode.DryRun)] // enabling deletion alone is not enough
    [InlineData(false, true, DeletionMode.Live)]
    public void Real_deletion_needs_both_switches(bool dryRun, bool enableDeletion, DeletionMode expected)
    {
        var options = new DeletionOptions { DryRun = dryRun, EnableDeletion = enableDeletion };

        Assert.Equal(expected, options.Mode);
    }

    [Fact]
    public void Invalid_settings_are_named()
    {
        var options = new DeletionOptions { MaxItemsPerRun = -1, MinimumSourceRatio = 1.5, MaxSyncAge = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Deletion:MaxItemsPerRun", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Deletion:MinimumSourceRatio", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Deletion:MaxSyncAge", StringComparison.Ordinal));
    }
}
