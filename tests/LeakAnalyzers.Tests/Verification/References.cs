using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>
/// What test inputs compile against: the SDK's reference packs (NETCore + AspNetCore), the real package assemblies
/// copied next to the tests (Npgsql, EF Core, Serilog, NLog, FluentValidation, ...), and source stubs with the real
/// full names for what the registry does not serve (gRPC, Web API 2, System.Web, log4net).
/// </summary>
public static class References
{
    private static readonly string[] PackagePrefixes =
    {
        "Npgsql", "Microsoft.EntityFrameworkCore", "Serilog", "NLog", "FluentValidation", "Newtonsoft.Json",
        "Microsoft.IdentityModel", "System.IdentityModel",
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(LoadAll);

    public static ImmutableArray<MetadataReference> Default => All.Value;

    private static ImmutableArray<MetadataReference> LoadAll()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Framework.Value);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (PackagePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                builder.Add(MetadataReference.CreateFromFile(file));
        }
        builder.Add(CompileStubs(builder.ToImmutable()));
        return builder.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var fromPacks = FindReferencePackAssemblies();
        var paths = fromPacks.Count > 0 ? fromPacks : TrustedPlatformAssemblies();
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static List<string> FindReferencePackAssemblies()
    {
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var result = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var refDir = NewestRefFolder(Path.Combine(dotnetRoot, "packs", pack));
            if (refDir is null)
                return new List<string>();
            result.AddRange(Directory.EnumerateFiles(refDir, "*.dll"));
        }
        return result;
    }

    private static string? NewestRefFolder(string packDir)
    {
        if (!Directory.Exists(packDir))
            return null;
        var runtime = Environment.Version;
        var versions = Directory.EnumerateDirectories(packDir)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(x => x.Version is not null && x.Version.Major == runtime.Major)
            .OrderByDescending(x => x.Version)
            .ToList();
        foreach (var (dir, _) in versions)
        {
            var tfm = Path.Combine(dir, "ref", $"net{runtime.Major}.0");
            if (Directory.Exists(tfm))
                return tfm;
        }
        return null;
    }

    private static List<string> TrustedPlatformAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal)
                || n == "netstandard.dll" || n == "mscorlib.dll" || n == "Microsoft.Win32.Primitives.dll"))
            .ToList();

    private static MetadataReference CompileStubs(ImmutableArray<MetadataReference> references)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var trees = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Stubs/", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest), path: n);
            })
            .ToList();
        var compilation = CSharpCompilation.Create(
            "LeakAnalyzers.TestStubs", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException("Test stubs do not compile:" + Environment.NewLine + errors);
        }
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
