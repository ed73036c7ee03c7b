using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeakAnalyzers.Knowledge;

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
    private static readonly Regex Separator = new(@"[ \t]*[,;]?[ \t]*$", RegexOptions.CultureInvariant);

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
                var kept = StripLabel(prefix);
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

    /// <summary>How many characters of <paramref name="prefix"/> stay when the hole after it goes.</summary>
    public static int StripLabel(string prefix)
    {
        var end = prefix.Length;
        var label = Label.Match(prefix);
        if (label.Success)
            end = label.Index;
        var separator = Separator.Match(prefix.Substring(0, end));
        if (separator.Success)
            end = separator.Index;
        return end;
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
