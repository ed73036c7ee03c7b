using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>What `dotnet pack src/LeakAnalyzers.Package` puts into LeakAnalyzers.&lt;version&gt;.nupkg.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageContentTests(PackagedSampleFixture fixture)
{
    [Fact]
    public void Both_assemblies_are_under_analyzers_and_nothing_is_a_runtime_asset()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/LeakAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LeakAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("PACKAGE.md", entries);
        // No lib/ or ref/ assets: nothing of the package is compiled against or shipped with the app.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        // Only our two assemblies in analyzers/ (no Roslyn or other dependency copied along).
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/LeakAnalyzers.CodeFixes.dll", "analyzers/dotnet/cs/LeakAnalyzers.dll" },
            entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void Nuspec_declares_a_development_dependency_without_dependencies()
    {
        var metadata = ReadNuspecMetadata();
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal("LeakAnalyzers", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.PackageVersion, metadata.Element(ns + "version")?.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        var dependencies = metadata.Element(ns + "dependencies");
        Assert.True(dependencies is null || !dependencies.Descendants(ns + "dependency").Any(), $"Unexpected dependencies: {dependencies}");

        var license = metadata.Element(ns + "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        Assert.Equal("PACKAGE.md", metadata.Element(ns + "readme")?.Value);
        Assert.Contains("analyzers", metadata.Element(ns + "tags")?.Value ?? "", StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "releaseNotes")?.Value), "releaseNotes is empty");
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value), "description is empty");
    }

    private XElement ReadNuspecMetadata()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var nuspec = zip.Entries.Single(e => e.FullName == "LeakAnalyzers.nuspec");
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
