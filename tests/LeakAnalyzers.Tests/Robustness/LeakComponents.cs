using System.Collections.Immutable;
using System.Reflection;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and code fix the product ships, found by reflection over the LeakAnalyzers and
/// LeakAnalyzers.CodeFixes assemblies, so the sweeps and meta-tests cover each rule as soon as it is added.
/// </summary>
public static class LeakComponents
{
    public static Assembly AnalyzerAssembly => typeof(RuleDescriptors).Assembly;

    public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("LeakAnalyzers.CodeFixes"));

    public static IReadOnlyList<Type> AnalyzerTypes { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Type> CodeFixTypes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any())
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Fresh instances (analyzers must not rely on state kept between compilations).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateCodeFixes() =>
        CodeFixTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t, nonPublic: true)!).ToImmutableArray();

    /// <summary>Every ID an analyzer of the package reports.</summary>
    public static IReadOnlyList<string> SupportedIds() =>
        CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
}
