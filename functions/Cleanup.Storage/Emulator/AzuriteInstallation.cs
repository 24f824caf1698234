namespace Cleanup.Storage.Emulator;

/// <summary>Finds the azurite launcher that <c>npm ci</c> put under the repository's node_modules.</summary>
internal static class AzuriteInstallation
{
    public static string FindLauncher(string? repositoryRoot)
    {
        var root = repositoryRoot ?? FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"Could not find the repository root (a folder with a package.json that lists azurite) above '{AppContext.BaseDirectory}'. Set {nameof(AzuriteOptions)}.{nameof(AzuriteOptions.RepositoryRoot)}.");

        var launcher = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(launcher))
            throw new InvalidOperationException($"Azurite is not installed: '{launcher}' does not exist. Run `npm ci` in '{root}'.");
        return launcher;
    }

    internal static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var packageJson = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                return dir.FullName;
        }

        return null;
    }
}
