namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>Finds the repository from the test assembly's location (bin/…/net10.0 inside tests/LeakAnalyzers.Tests).</summary>
internal static class RepositoryPaths
{
    public const string SolutionFileName = "LeakAnalyzers.sln";

    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    public static string PackageProject => Path.Combine(Root, "src", "LeakAnalyzers.Package", "LeakAnalyzers.Package.csproj");

    public static string SampleApp => Path.Combine(Root, "samples", "LeakyApi");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}.");
    }
}
