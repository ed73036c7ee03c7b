using System.Collections.Immutable;
using System.Reflection;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Bench;

/// <summary>
/// The analyzers under test, found by reflection so the benchmark keeps working as rules are added: every concrete
/// <see cref="DiagnosticAnalyzer"/> with a C# <see cref="DiagnosticAnalyzerAttribute"/> in the LeakAnalyzers assembly;
/// and the reference, NetAnalyzers' LoggerMessageDefineAnalyzer (the analyzer that reports CA2017), loaded from the
/// Microsoft.CodeAnalysis.NetAnalyzers package files copied to netanalyzers/.
/// </summary>
internal static class AnalyzerCatalog
{
    public const string ReferenceDiagnosticId = "CA2017";

    public static ImmutableArray<DiagnosticAnalyzer> LeakAnalyzers()
    {
        var assembly = typeof(RuleDescriptors).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();
    }

    /// <summary>The IDs an analyzer reports, joined for a table label (<c>LEAK001/LEAK002</c>).</summary>
    public static string Label(DiagnosticAnalyzer analyzer) =>
        string.Join("/", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    public static bool Reports(DiagnosticAnalyzer analyzer, string id) => analyzer.SupportedDiagnostics.Any(d => d.Id == id);

    public static DiagnosticAnalyzer? ReferenceAnalyzer(out string? problem)
    {
        problem = null;
        var folder = Path.Combine(AppContext.BaseDirectory, "netanalyzers");
        var files = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(f => Path.Combine(folder, f))
            .Where(File.Exists)
            .ToList();
        if (files.Count == 0)
        {
            problem = $"NetAnalyzers not found in {folder}";
            return null;
        }
        var loader = new DirectoryAnalyzerLoader();
        foreach (var file in files)
            loader.AddDependencyLocation(file);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var reference = new AnalyzerFileReference(file, loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{Path.GetFileName(file)}: {e.ErrorCode} {e.Message}");
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                if (Reports(analyzer, ReferenceDiagnosticId))
                    return analyzer;
            }
        }
        problem = $"no analyzer reporting {ReferenceDiagnosticId} could be loaded" + (failures.Count > 0 ? ": " + string.Join("; ", failures) : string.Empty);
        return null;
    }

    /// <summary>Loads analyzer assemblies into the default context; the host's Roslyn satisfies their references.</summary>
    private sealed class DirectoryAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

        public DirectoryAnalyzerLoader()
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            {
                var name = new AssemblyName(args.Name).Name;
                return name is not null && _byName.TryGetValue(name, out var path) ? Assembly.LoadFrom(path) : null;
            };
        }

        public void AddDependencyLocation(string fullPath) => _byName[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
