using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>An expected diagnostic read from markup: <c>[|text|]</c> (the default ID) or <c>{|LEAK002:text|}</c>.</summary>
public sealed record ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>Parses diagnostic markup; spans may nest (<c>{|LEAK001:Explain([|e|])|}</c>).</summary>
public static class Markup
{
    public static (string Source, List<ExpectedDiagnostic> Expected) Parse(string markup, string defaultId)
    {
        var output = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((defaultId, output.Length));
                i += 2;
            }
            else if (Starts(markup, i, "{|") && TryReadId(markup, i + 2, out var id, out var next))
            {
                open.Push((id, output.Length));
                i = next;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                    throw new InvalidOperationException($"Unbalanced markup at offset {i}.");
                var (openId, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(openId, TextSpan.FromBounds(start, output.Length)));
                i += 2;
            }
            else
            {
                output.Append(markup[i]);
                i++;
            }
        }
        if (open.Count != 0)
            throw new InvalidOperationException("Unclosed markup span.");
        return (output.ToString(), expected);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool TryReadId(string text, int index, out string id, out int next)
    {
        var colon = text.IndexOf(':', index);
        id = string.Empty;
        next = index;
        if (colon <= index || colon - index > 16)
            return false;
        var candidate = text.Substring(index, colon - index);
        foreach (var c in candidate)
        {
            if (!char.IsLetterOrDigit(c))
                return false;
        }
        id = candidate;
        next = colon + 1;
        return true;
    }
}
