using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.SecretInLog;

/// <summary>
/// Edits message-template text when a value is taken out of a log call: the hole goes, and so does the label that
/// introduced it (<c>", key={Key}"</c>, <c>" token: {Token}"</c>) or the space before it, so the message still reads
/// well. Numeric holes (<c>{0}</c>) of the remaining arguments are renumbered. Works on raw token text: braces are
/// never escaped in C# literals, so hole positions found there can be edited in place.
/// </summary>
internal static class TemplateText
{
    // A one-word label right before the hole ("key=", "Token: "), then a separator or spaces before that.
    private static readonly Regex Label = new(@"[\w\-.]+[ \t]*[:=][ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Separator = new(@"[ \t]*[,;:=]?[ \t]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Removes the holes of the arguments at <paramref name="positions"/> (0 = first argument after the template)
    /// from the template token's text, renumbering numeric holes.
    /// </summary>
    public static string RemoveArguments(string tokenText, ISet<int> positions)
    {
        var template = MessageTemplate.Parse(tokenText);
        var result = new StringBuilder(tokenText.Length);
        var copied = 0;
        for (var i = 0; i < template.Holes.Count; i++)
        {
            var hole = template.Holes[i];
            var position = template.IsNumeric ? hole.Index : i;
            if (positions.Contains(position))
            {
                var prefix = tokenText.Substring(copied, hole.Start - copied);
                var rest = tokenText.Substring(hole.Start + hole.Length).Trim(' ', '\t', '"');
                var kept = StripLabel(prefix, IsAtContentStart(result) && rest.Length == 0);
                result.Append(prefix, 0, kept);
                copied = hole.Start + hole.Length;
                if (kept == 0 && IsAtContentStart(result))
                    copied = SkipSpaces(tokenText, copied);
            }
            else if (template.IsNumeric)
            {
                result.Append(tokenText, copied, hole.Start - copied);
                var shift = 0;
                foreach (var removed in positions)
                {
                    if (removed < hole.Index)
                        shift++;
                }
                var inner = tokenText.Substring(hole.Start + 1, hole.Length - 2);
                var digits = hole.Index.ToString(CultureInfo.InvariantCulture);
                var at = inner.IndexOf(digits, System.StringComparison.Ordinal);
                result.Append('{').Append(inner, 0, at).Append((hole.Index - shift).ToString(CultureInfo.InvariantCulture))
                    .Append(inner, at + digits.Length, inner.Length - at - digits.Length).Append('}');
                copied = hole.Start + hole.Length;
            }
        }
        result.Append(tokenText, copied, tokenText.Length - copied);
        return result.ToString();
    }

    /// <summary>
    /// The text of an argument list fragment replacing <paramref name="interpolated"/>: a plain literal whose
    /// remaining holes are named placeholders (<c>{user}</c> → <c>{User}</c>, <c>{model.Email}</c> → <c>{Email}</c>,
    /// alignment and format kept), followed by the hole expressions as arguments. Null for raw or <c>$$</c> strings.
    /// </summary>
    public static string? FromInterpolation(InterpolatedStringExpressionSyntax interpolated, ISet<InterpolationSyntax> removed)
    {
        var start = interpolated.StringStartToken.Text;
        var prefix = start switch
        {
            "$\"" => "\"",
            "$@\"" or "@$\"" => "@\"",
            _ => null,
        };
        if (prefix is null)
            return null;
        var result = new StringBuilder(prefix);
        var arguments = new List<string>();
        var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var skipSpaces = false;
        var contents = interpolated.Contents;
        for (var index = 0; index < contents.Count; index++)
        {
            switch (contents[index])
            {
                case InterpolatedStringTextSyntax text:
                    var raw = text.TextToken.Text;
                    result.Append(skipSpaces ? raw.Substring(SkipSpaces(raw, 0)) : raw);
                    skipSpaces = false;
                    break;
                case InterpolationSyntax hole when removed.Contains(hole):
                    result.Length = StripLabel(result.ToString(), OnlyBlankAfter(contents, index + 1, removed));
                    skipSpaces = result.Length == prefix.Length;
                    break;
                case InterpolationSyntax hole:
                    result.Append('{').Append(UniqueName(hole.Expression, names, arguments.Count))
                        .Append(hole.AlignmentClause?.ToString()).Append(hole.FormatClause?.ToString()).Append('}');
                    arguments.Add(hole.Expression.ToString());
                    break;
            }
        }
        result.Append('"');
        foreach (var argument in arguments)
            result.Append(", ").Append(argument);
        return result.ToString();
    }

    /// <summary>Nothing but blank text and removed holes follows: removing this hole may empty the message.</summary>
    public static bool OnlyBlankAfter(SyntaxList<InterpolatedStringContentSyntax> contents, int start, ISet<InterpolationSyntax>? removed)
    {
        for (var i = start; i < contents.Count; i++)
        {
            switch (contents[i])
            {
                case InterpolatedStringTextSyntax text when text.TextToken.Text.Trim(' ', '\t').Length == 0:
                    continue;
                case InterpolationSyntax hole when removed is not null && removed.Contains(hole):
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }

    private static string UniqueName(ExpressionSyntax expression, HashSet<string> used, int index)
    {
        var name = expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => "Value",
        };
        name = name.TrimStart('_');
        name = name.Length == 0 ? "Value" : char.ToUpperInvariant(name[0]) + name.Substring(1);
        var unique = name;
        for (var i = index + 1; !used.Add(unique); i++)
            unique = name + i.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    /// <summary>
    /// How many characters of <paramref name="prefix"/> stay when the hole after it goes. When that would leave the
    /// message empty (<paramref name="lastContent"/>: nothing follows the hole) (<c>"Authorization: {Authorization}"</c>), the label word stays (<c>"Authorization"</c>).
    /// </summary>
    public static int StripLabel(string prefix, bool lastContent = false)
    {
        var end = prefix.Length;
        var label = Label.Match(prefix);
        if (label.Success)
            end = label.Index;
        var separator = Separator.Match(prefix.Substring(0, end));
        if (separator.Success)
            end = separator.Index;
        if (lastContent && IsOnlyQuotes(prefix, end) && !IsOnlyQuotes(prefix, prefix.Length))
            end = Separator.Match(prefix).Index;
        return end;
    }

    private static bool IsOnlyQuotes(string text, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (text[i] is not ('"' or '@' or '$'))
                return false;
        }
        return true;
    }

    public static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && (text[index] == ' ' || text[index] == '\t'))
            index++;
        return index;
    }

    /// <summary>True when nothing but the literal's opening quote(s) and prefix characters were written so far.</summary>
    private static bool IsAtContentStart(StringBuilder written)
    {
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] is not ('"' or '@' or '$'))
                return false;
        }
        return true;
    }
}
