using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Bench;

/// <summary>
/// What the measured code compiles against, found the same way as the test verifier
/// (tests/LeakAnalyzers.Tests/Verification/References.cs): the SDK's reference packs next to the running runtime
/// (<c>typeof(object).Assembly.Location</c> → dotnet root → packs/Microsoft.NETCore.App.Ref and
/// Microsoft.AspNetCore.App.Ref), plus the package assemblies copied next to this program (Serilog, EF Core, Npgsql).
/// </summary>
internal static class ReferenceSet
{
    private static readonly string[] PackagePrefixes = { "Npgsql", "Microsoft.EntityFrameworkCore", "Serilog" };

    public static ImmutableArray<MetadataReference> Load()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in FindReferencePackAssemblies())
            builder.Add(MetadataReference.CreateFromFile(path));
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (PackagePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                builder.Add(MetadataReference.CreateFromFile(file));
        }
        return builder.ToImmutable();
    }

    private static List<string> FindReferencePackAssemblies()
    {
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var result = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var refDir = NewestRefFolder(Path.Combine(dotnetRoot, "packs", pack))
                ?? throw new InvalidOperationException($"No {pack} reference pack for .NET {Environment.Version.Major} under {dotnetRoot}/packs.");
            result.AddRange(Directory.EnumerateFiles(refDir, "*.dll"));
        }
        return result;
    }

    private static string? NewestRefFolder(string packDir)
    {
        if (!Directory.Exists(packDir))
            return null;
        var major = Environment.Version.Major;
        var versions = Directory.EnumerateDirectories(packDir)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(x => x.Version is not null && x.Version.Major == major)
            .OrderByDescending(x => x.Version);
        foreach (var (dir, _) in versions)
        {
            var tfm = Path.Combine(dir, "ref", $"net{major}.0");
            if (Directory.Exists(tfm))
                return tfm;
        }
        return null;
    }
}
