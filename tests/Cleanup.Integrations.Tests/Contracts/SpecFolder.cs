namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>
/// Finds the upstream API documents: <c>shared/specs</c> beside the repository (CI clones to &lt;x&gt;/main with
/// &lt;x&gt;/shared next to it; a worktree at /work/wt/arr finds /work/shared). Walks up from the test binaries.
/// </summary>
public static class SpecFolder
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path => Folder.Value;

    public static string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "specs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/specs folder above {AppContext.BaseDirectory}; the contract tests need the upstream API documents.");
    }
}
