using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Imports the namespaces of extension methods the fix calls (LogError, GetRequiredService): ImportAdder only sees
/// type names, not a reduced extension call. Global usings (the Web SDK's implicit ones) count as imported.
/// </summary>
internal static class UsingAdder
{
    public static async Task<Document> EnsureAsync(Document document, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var wanted = namespaces.ToList();
        if (wanted.Count == 0)
            return document;
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
            return document;
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var imported = new HashSet<string>(root.Usings.Concat(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.Usings))
            .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name is not null)
            .Select(u => u.Name!.ToString()));
        if (compilation is not null)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    foreach (var global in unit.Usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Name is not null))
                        imported.Add(global.Name!.ToString());
                }
            }
        }
        var usings = root.Usings;
        foreach (var ns in wanted.Where(n => !imported.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var index = 0;
            while (index < usings.Count && usings[index].GlobalKeyword.IsKind(SyntaxKind.None) && usings[index].Alias is null
                && Compare(usings[index].Name?.ToString() ?? string.Empty, ns) < 0)
            {
                index++;
            }
            if (usings.Count == 0)
                directive = directive.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.ElasticCarriageReturnLineFeed);
            usings = usings.Insert(index, directive);
        }
        return document.WithSyntaxRoot(root.WithUsings(usings));
    }

    /// <summary>System namespaces first, then ordinal: the usual .NET ordering.</summary>
    private static int Compare(string a, string b)
    {
        var aSystem = a == "System" || a.StartsWith("System.", StringComparison.Ordinal);
        var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
        if (aSystem != bSystem)
            return aSystem ? -1 : 1;
        return string.CompareOrdinal(a, b);
    }
}
