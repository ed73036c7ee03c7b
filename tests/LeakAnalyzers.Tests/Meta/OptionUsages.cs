using System.Reflection;
using LeakAnalyzers.Core;
using LeakAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.Tests.Meta;

/// <summary>An option an analyzer reads: its name and, when the call says so, the rule it belongs to.</summary>
public sealed record OptionUsage(string Name, string? RuleId, string Where);

/// <summary>
/// Finds the option names the analyzers read, from their source: every <c>RuleOptions.Get*(options, rule, "name")</c>
/// call, with the name given as a literal, a <c>const</c>, or a parameter of a helper whose callers pass literals.
/// </summary>
public static class OptionUsages
{
    public static IReadOnlyList<OptionUsage> Find()
    {
        var folder = Path.Combine(InputSources.RepositoryRoot, "src", "LeakAnalyzers");
        var roots = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Select(p => (Path: Path.GetRelativePath(InputSources.RepositoryRoot, p), Root: CSharpSyntaxTree.ParseText(File.ReadAllText(p)).GetRoot()))
            .ToList();
        return FindIn(roots);
    }

    public static IReadOnlyList<OptionUsage> FindIn(IReadOnlyList<(string Path, SyntaxNode Root)> roots)
    {
        // Constants by name (fields and locals): "secret_words", RuleIdentifiers.SecretInLog, another constant.
        var constants = roots.SelectMany(r => r.Root.DescendantNodes().OfType<VariableDeclarationSyntax>())
            .Where(d => d.Parent is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.ConstKeyword)
                || d.Parent is LocalDeclarationStatementSyntax l && l.IsConst)
            .SelectMany(d => d.Variables)
            .Where(v => v.Initializer is not null)
            .GroupBy(v => v.Identifier.ValueText)
            .ToDictionary(g => g.Key, g => g.First().Initializer!.Value, StringComparer.Ordinal);
        var invocations = roots.SelectMany(r => r.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => (r.Path, Invocation: i))).ToList();

        var result = new List<OptionUsage>();
        foreach (var (path, invocation) in invocations)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "RuleOptions" } } access
                || !access.Name.Identifier.ValueText.StartsWith("Get", StringComparison.Ordinal)
                || invocation.ArgumentList.Arguments.Count < 3)
            {
                continue;
            }
            var where = $"{path}:{invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
            var ruleId = RuleId(invocation.ArgumentList.Arguments[1].Expression, constants);
            foreach (var name in Names(invocation.ArgumentList.Arguments[2].Expression, constants, invocations))
                result.Add(new OptionUsage(name, ruleId, where));
        }
        return result;
    }

    private static IEnumerable<string> Names(
        ExpressionSyntax expression, Dictionary<string, ExpressionSyntax> constants, List<(string Path, InvocationExpressionSyntax Invocation)> invocations)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                yield return literal.Token.ValueText;
                break;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when constants.TryGetValue(LastName(expression), out var value) && value != expression:
                foreach (var name in Names(value, constants, invocations))
                    yield return name;
                break;
            case IdentifierNameSyntax identifier:
                // A helper's parameter: take the literals its callers pass in that position.
                var method = identifier.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() as MethodDeclarationSyntax;
                var index = method?.ParameterList.Parameters.IndexOf(p => p.Identifier.ValueText == identifier.Identifier.ValueText) ?? -1;
                if (method is null || index < 0)
                    break;
                foreach (var (_, call) in invocations)
                {
                    if (LastName(call.Expression) == method.Identifier.ValueText && call.ArgumentList.Arguments.Count > index
                        && call.ArgumentList.Arguments[index].Expression is LiteralExpressionSyntax passed)
                    {
                        yield return passed.Token.ValueText;
                    }
                }
                break;
        }
    }

    /// <summary>"LEAK004", <c>RuleIdentifiers.SecretInLog</c> or <c>RuleDescriptors.SecretInLog.Id</c>; null when not visible here.</summary>
    private static string? RuleId(ExpressionSyntax expression, Dictionary<string, ExpressionSyntax> constants)
    {
        if (expression is LiteralExpressionSyntax literal)
            return literal.Token.ValueText;
        if (expression is IdentifierNameSyntax identifier && constants.TryGetValue(identifier.Identifier.ValueText, out var value) && value != expression)
            return RuleId(value, constants);
        if (expression is not MemberAccessExpressionSyntax access)
            return null;
        if (access.Expression is IdentifierNameSyntax { Identifier.ValueText: nameof(RuleIdentifiers) })
            return typeof(RuleIdentifiers).GetField(access.Name.Identifier.ValueText)?.GetRawConstantValue() as string;
        if (access.Name.Identifier.ValueText == "Id"
            && access.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: nameof(RuleDescriptors) } } descriptor)
        {
            var field = typeof(RuleDescriptors).GetField(descriptor.Name.Identifier.ValueText, BindingFlags.Public | BindingFlags.Static);
            return (field?.GetValue(null) as DiagnosticDescriptor)?.Id;
        }
        return null;
    }

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => string.Empty,
    };
}
