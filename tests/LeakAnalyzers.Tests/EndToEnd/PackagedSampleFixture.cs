using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackagedSampleFixture>
{
    public const string Name = "End to end (package)";
}

/// <summary>
/// Shared by every end-to-end test (packing and restoring once keeps the suite fast): packs
/// src/LeakAnalyzers.Package into a temporary folder feed, and hands out copies of samples/LeakyApi that reference
/// the *package* — a nuget.config lists the feed and nuget.org, and restore uses a private packages folder under
/// the temporary directory, so a stale LeakAnalyzers in the user's NuGet cache can never be picked up.
/// </summary>
public sealed class PackagedSampleFixture : IAsyncLifetime
{
    public const string AppName = "LeakyApi";

    /// <summary>Generous per-process limit: the machine may be busy; a hang must still end the test.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly Lazy<Task<BaselineBuild>> baseline;

    public PackagedSampleFixture()
    {
        TempRoot = Path.Combine(Path.GetTempPath(), "leakanalyzers-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        baseline = new Lazy<Task<BaselineBuild>>(BuildBaselineAsync);
    }

    public string TempRoot { get; }

    public string FeedDirectory => Path.Combine(TempRoot, "feed");

    public string PackagesDirectory => Path.Combine(TempRoot, "packages");

    public string PackagePath { get; private set; } = "";

    public string PackageVersion { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        var pack = await ProcessRunner.DotnetAsync(RepositoryPaths.Root, StepTimeout,
            "pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", FeedDirectory,
            "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo");
        if (pack.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed. " + pack.Describe());
        var packages = Directory.GetFiles(FeedDirectory, "LeakAnalyzers.*.nupkg");
        if (packages.Length != 1)
            throw new InvalidOperationException($"Expected one LeakAnalyzers.<version>.nupkg in {FeedDirectory}, found: {string.Join(", ", packages)}. " + pack.Describe());
        PackagePath = packages[0];
        PackageVersion = Path.GetFileNameWithoutExtension(PackagePath)["LeakAnalyzers.".Length..];
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("LEAKANALYZERS_KEEP_E2E") is null)
        {
            try
            {
                Directory.Delete(TempRoot, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is not a test failure.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The unmodified app built once against the package, with a SARIF 2.1 error log.</summary>
    public Task<BaselineBuild> BaselineAsync() => baseline.Value;

    /// <summary>
    /// A fresh copy of samples/LeakyApi in its own folder, set up to build against the package; returns the app
    /// folder. Tests that change the app (an .editorconfig, dotnet format) each take their own copy.
    /// </summary>
    public string CreateAppCopy(string name)
    {
        var workspace = Path.Combine(TempRoot, name);
        var app = Path.Combine(workspace, AppName);
        CopyDirectory(RepositoryPaths.SampleApp, app);

        // Directory.Build.props above the app: switches the ProjectReference to the analyzers off and the
        // PackageReference on for every tool (dotnet build and dotnet format, which takes no -p), and stops the
        // search for other Directory.Build.props files higher up.
        File.WriteAllText(Path.Combine(workspace, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <UseLeakAnalyzersPackage>true</UseLeakAnalyzersPackage>
                <LeakAnalyzersVersion>{PackageVersion}</LeakAnalyzersVersion>
                <RestorePackagesPath>{PackagesDirectory}</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);
        // The temporary feed for LeakAnalyzers, nuget.org for the app's other packages.
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="leakanalyzers-e2e" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
            </configuration>
            """);
        return app;
    }

    /// <summary><c>dotnet build</c> of a copy against the package; <paramref name="extra"/> are more MSBuild arguments.</summary>
    public static Task<ProcessResult> BuildAsync(string app, params string[] extra)
    {
        var arguments = new List<string>
        {
            "build", Path.Combine(app, AppName + ".csproj"),
            "-p:UseLeakAnalyzersPackage=true",
            "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo",
        };
        arguments.AddRange(extra);
        return ProcessRunner.DotnetAsync(app, StepTimeout, arguments.ToArray());
    }

    private async Task<BaselineBuild> BuildBaselineAsync()
    {
        var app = CreateAppCopy("baseline");
        var sarif = Path.Combine(TempRoot, "baseline.sarif");
        // The comma belongs to the compiler's ErrorLog value, so it is quoted for MSBuild's -p parser.
        var build = await BuildAsync(app, $"-p:ErrorLog=\"{sarif},version=2.1\"");
        return new BaselineBuild(app, build, sarif);
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
                continue;
            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}

/// <summary>The app folder, the build's result and where its SARIF log was written.</summary>
public sealed record BaselineBuild(string AppDirectory, ProcessResult Build, string SarifPath);
