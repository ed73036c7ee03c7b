using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>Shorthand for the common one-file cases of <see cref="LeakTest"/>.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task DiagnosticsAsync(string source, string? editorConfig = null)
    {
        var test = new LeakTest(new TAnalyzer()) { EditorConfig = editorConfig };
        test.Sources.Add(source);
        return test.RunAsync();
    }
}

public static class Verify<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    public static Task DiagnosticsAsync(string source, string? editorConfig = null) =>
        Verify<TAnalyzer>.DiagnosticsAsync(source, editorConfig);

    public static Task FixAsync(string source, string fixedSource, string? editorConfig = null, string? equivalenceKey = null)
    {
        var test = new LeakTest(new TAnalyzer(), new TFix()) { EditorConfig = editorConfig, CodeActionEquivalenceKey = equivalenceKey };
        test.Sources.Add(source);
        test.FixedSources.Add(fixedSource);
        return test.RunAsync();
    }

    public static Task NoFixAsync(string source, string? editorConfig = null)
    {
        var test = new LeakTest(new TAnalyzer(), new TFix()) { EditorConfig = editorConfig, ExpectNoFix = true };
        test.Sources.Add(source);
        return test.RunAsync();
    }
}
