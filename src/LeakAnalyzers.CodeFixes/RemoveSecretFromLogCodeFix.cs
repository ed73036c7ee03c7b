using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LeakAnalyzers.CodeFixes.SecretInLog;
using LeakAnalyzers.Core;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Rules.SecretInLog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.CodeFixes;

/// <summary>
/// LEAK004 fixes. First action ("Remove", <see cref="RemoveKey"/>): drop the argument together with its {Placeholder}
/// (renumbering {0}-style holes), the interpolation hole, or the concatenation operand, with the label that introduced
/// it; a value that cannot be dropped (the only argument, a [LoggerMessage] parameter) is replaced with "[REDACTED]".
/// Second action, where removal is possible ("Redact", <see cref="RedactKey"/>): replace the value with "[REDACTED]". Both work on text changes computed once per document from all its diagnostics, so FixAll
/// can remove several holes from one template without overlapping edits (a batch merge would drop them).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSecretFromLogCodeFix))]
[Shared]
public sealed class RemoveSecretFromLogCodeFix : CodeFixProvider
{
    public const string RemoveKey = "LEAK004.RemoveFromLog";
    public const string RedactKey = "LEAK004.Redact";
    public const string Marker = "[REDACTED]";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretInLog);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey == RedactKey, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var single = ImmutableArray.Create(diagnostic);
            var removable = CanRemove(diagnostic, root);
            var redactable = CanRedact(diagnostic, root, model, context.CancellationToken);
            // The first action always takes the secret out (removing it, or redacting what cannot be removed), so
            // FixAll with the first action's key — what `dotnet format` applies — leaves no LEAK004 behind.
            if (removable || redactable)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(removable ? "Remove the secret from the log call" : $"Replace the secret with \"{Marker}\"",
                        ct => FixDocumentAsync(document, single, redact: false, ct), RemoveKey),
                    diagnostic);
            }
            if (removable && redactable)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Replace the secret with \"{Marker}\"",
                        ct => FixDocumentAsync(document, single, redact: true, ct), RedactKey),
                    diagnostic);
            }
        }
    }

    private static FixShape ShapeOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SecretInLogAnalyzer.ShapeProperty, out var raw) && Enum.TryParse<FixShape>(raw, out var shape)
            ? shape
            : FixShape.Value;

    private static bool CanRemove(Diagnostic diagnostic, SyntaxNode root) => ShapeOf(diagnostic) switch
    {
        FixShape.Argument => ArgumentAt(root, diagnostic.Location.SourceSpan) is { Parent: ArgumentListSyntax list } argument && list.Arguments.IndexOf(argument) > 0,
        FixShape.Hole => HoleAt(root, diagnostic.Location.SourceSpan) is not null,
        FixShape.Operand => OperandAt(root, diagnostic.Location.SourceSpan) is not null,
        _ => false,
    };

    /// <summary>Redaction puts a string where the value was: the receiving parameter or slot must accept one.</summary>
    private static bool CanRedact(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var shape = ShapeOf(diagnostic);
        if (shape is FixShape.Hole or FixShape.Operand)
            return true;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            return false;
        if (expression.Parent is ArgumentSyntax argumentSyntax
            && model.GetOperation(argumentSyntax, cancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && parameter.OriginalDefinition.Type is ITypeParameterSymbol)
            return true;
        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        var stringType = model.Compilation.GetSpecialType(SpecialType.System_String);
        return converted is not null && model.Compilation.ClassifyCommonConversion(stringType, converted).IsImplicit;
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool redact, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return document;

        var changes = new List<TextChange>();
        var templates = new Dictionary<TextSpan, HashSet<int>>();
        var interpolations = new Dictionary<InterpolatedStringExpressionSyntax, HashSet<InterpolationSyntax>>();
        foreach (var diagnostic in diagnostics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var removable = CanRemove(diagnostic, root);
            if (redact || !removable)
            {
                // Redact: only where it is the second choice (the first action of the others already redacts).
                if ((removable || !redact) && CanRedact(diagnostic, root, model, cancellationToken) && RedactChange(diagnostic, root) is { } change)
                    changes.Add(change);
            }
            else
            {
                if (diagnostic.Properties.ContainsKey(SecretInLogAnalyzer.ConvertibleTemplateProperty)
                    && HoleAt(root, diagnostic.Location.SourceSpan) is { Parent: InterpolatedStringExpressionSyntax owner } hole)
                {
                    if (!interpolations.TryGetValue(owner, out var holes))
                        interpolations[owner] = holes = new HashSet<InterpolationSyntax>();
                    holes.Add(hole);
                    continue;
                }
                AddRemoval(diagnostic, root, text, changes, templates);
            }
        }
        foreach (var interpolation in interpolations)
        {
            // A structured logger's interpolated message becomes a template: the secret holes go, the others become
            // named placeholders with trailing arguments (CA2254: constant template).
            if (TemplateText.FromInterpolation(interpolation.Key, interpolation.Value) is { } converted)
            {
                changes.Add(new TextChange(interpolation.Key.Span, converted));
                continue;
            }
            foreach (var hole in interpolation.Value)
                changes.Add(HoleRemoval(interpolation.Key, hole, text));
        }
        foreach (var template in templates)
        {
            var tokenText = text.ToString(template.Key);
            changes.Add(new TextChange(template.Key, TemplateText.RemoveArguments(tokenText, template.Value)));
        }
        return document.WithText(text.WithChanges(WithoutOverlaps(changes)));
    }

    private static TextChange? RedactChange(Diagnostic diagnostic, SyntaxNode root)
    {
        var span = diagnostic.Location.SourceSpan;
        if (ShapeOf(diagnostic) == FixShape.Hole)
            return HoleAt(root, span) is { } hole ? new TextChange(hole.Span, Marker) : null;
        return new TextChange(span, "\"" + Marker + "\"");
    }

    private static void AddRemoval(Diagnostic diagnostic, SyntaxNode root, SourceText text, List<TextChange> changes, Dictionary<TextSpan, HashSet<int>> templates)
    {
        var span = diagnostic.Location.SourceSpan;
        switch (ShapeOf(diagnostic))
        {
            case FixShape.Argument when ArgumentAt(root, span) is { Parent: ArgumentListSyntax list } argument:
                var index = list.Arguments.IndexOf(argument);
                var separator = list.Arguments.GetSeparator(index - 1);
                changes.Add(new TextChange(TextSpan.FromBounds(separator.SpanStart, argument.Span.End), string.Empty));
                if (diagnostic.AdditionalLocations.Count > 1
                    && diagnostic.Properties.TryGetValue(SecretInLogAnalyzer.TemplatePositionProperty, out var raw)
                    && int.TryParse(raw, out var position) && position >= 0)
                {
                    var templateSpan = diagnostic.AdditionalLocations[1].SourceSpan;
                    if (!templates.TryGetValue(templateSpan, out var positions))
                        templates[templateSpan] = positions = new HashSet<int>();
                    positions.Add(position);
                }
                break;
            case FixShape.Hole when HoleAt(root, span) is { Parent: InterpolatedStringExpressionSyntax owner } hole:
                changes.Add(HoleRemoval(owner, hole, text));
                break;
            case FixShape.Operand when OperandAt(root, span) is { } operand:
                var binary = (BinaryExpressionSyntax)operand.Parent!;
                changes.Add(ReferenceEquals(binary.Right, operand)
                    ? new TextChange(TextSpan.FromBounds(binary.Left.Span.End, operand.Span.End), string.Empty)
                    : new TextChange(TextSpan.FromBounds(operand.SpanStart, binary.Right.SpanStart), string.Empty));
                break;
        }
    }

    /// <summary>The hole and the label before it (<c>" token={token}"</c>); a leading hole takes the spaces after it.</summary>
    private static TextChange HoleRemoval(InterpolatedStringExpressionSyntax owner, InterpolationSyntax hole, SourceText text)
    {
        var index = owner.Contents.IndexOf(hole);
        var start = hole.SpanStart;
        var end = hole.Span.End;
        var before = index > 0 ? owner.Contents[index - 1] as InterpolatedStringTextSyntax : null;
        var kept = -1;
        if (before is not null)
        {
            kept = TemplateText.StripLabel(text.ToString(before.Span), index == 1 && TemplateText.OnlyBlankAfter(owner.Contents, index + 1, null));
            start = before.SpanStart + kept;
        }
        if ((before is null || kept == 0 && index == 1) && index + 1 < owner.Contents.Count && owner.Contents[index + 1] is InterpolatedStringTextSyntax after)
            end = after.SpanStart + (TemplateText.SkipSpaces(text.ToString(after.Span), 0));
        return new TextChange(TextSpan.FromBounds(start, end), string.Empty);
    }

    private static ArgumentSyntax? ArgumentAt(SyntaxNode root, TextSpan span)
    {
        for (var node = root.FindNode(span, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is ArgumentSyntax argument)
                return argument.Expression.Span == span ? argument : null;
            if (node.Span != span && node is not ArgumentSyntax)
                return null;
        }
        return null;
    }

    private static InterpolationSyntax? HoleAt(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InterpolationSyntax>() is { } hole && hole.Span == span ? hole : null;

    private static ExpressionSyntax? OperandAt(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        while (node is not null && node.Parent is { } parent && parent.Span == span && parent is not BinaryExpressionSyntax)
            node = parent;
        return node is ExpressionSyntax expression && expression.Span == span
            && expression.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
            ? expression
            : null;
    }

    /// <summary>Sorted, with any change that overlaps an earlier one dropped (the next round fixes it).</summary>
    private static List<TextChange> WithoutOverlaps(List<TextChange> changes)
    {
        changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        var result = new List<TextChange>(changes.Count);
        var end = -1;
        foreach (var change in changes)
        {
            if (change.Span.Start < end || result.Count > 0 && change.Span == result[result.Count - 1].Span)
                continue;
            result.Add(change);
            end = Math.Max(end, change.Span.End);
        }
        return result;
    }
}
