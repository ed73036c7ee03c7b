using System.Collections.Generic;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The holes of a message template (<c>"User {UserId} sent {@Body}"</c>) or composite format string
/// (<c>"{0} {1,5:N}"</c>). Named holes map to the arguments by position (Microsoft.Extensions.Logging, Serilog,
/// NLog); when every hole is numeric they map by index (string.Format, Console, log4net *Format).
/// <c>@</c> asks structured loggers to destructure the object into its members.
/// </summary>
internal sealed class MessageTemplate
{
    private MessageTemplate(List<Hole> holes, bool numeric)
    {
        Holes = holes;
        IsNumeric = numeric;
    }

    public IReadOnlyList<Hole> Holes { get; }

    /// <summary>Every hole is a number: holes refer to arguments by index, not by position.</summary>
    public bool IsNumeric { get; }

    /// <summary>A hole: its text span (braces included) in the parsed text, its name and whether it destructures.</summary>
    internal readonly struct Hole
    {
        public Hole(int start, int length, string name, bool destructure, int index)
        {
            Start = start;
            Length = length;
            Name = name;
            Destructure = destructure;
            Index = index;
        }

        public int Start { get; }
        public int Length { get; }
        public string Name { get; }
        public bool Destructure { get; }
        /// <summary>The numeric name, or -1.</summary>
        public int Index { get; }
    }

    /// <summary>
    /// Parses holes from <paramref name="text"/>, which may be the raw text of a C# literal token: braces are never
    /// escaped in C# strings, so positions found in the token text can be edited in place.
    /// </summary>
    public static MessageTemplate Parse(string text)
    {
        var holes = new List<Hole>();
        var numeric = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
                continue;
            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
                break;
            var inner = text.Substring(i + 1, close - i - 1);
            var destructure = inner.StartsWith("@", System.StringComparison.Ordinal);
            var name = inner.TrimStart('@', '$');
            var cut = name.IndexOfAny(new[] { ',', ':' });
            if (cut >= 0)
                name = name.Substring(0, cut);
            name = name.Trim();
            var index = int.TryParse(name, out var parsed) && parsed >= 0 ? parsed : -1;
            if (index < 0)
                numeric = false;
            holes.Add(new Hole(i, close - i + 1, name, destructure, index));
            i = close;
        }
        return new MessageTemplate(holes, numeric && holes.Count > 0);
    }

    /// <summary>The holes that show the argument at <paramref name="argumentPosition"/> (0 = first after the template).</summary>
    public IEnumerable<Hole> HolesFor(int argumentPosition)
    {
        if (IsNumeric)
        {
            foreach (var hole in Holes)
            {
                if (hole.Index == argumentPosition)
                    yield return hole;
            }
        }
        else if (argumentPosition < Holes.Count)
        {
            yield return Holes[argumentPosition];
        }
    }

    /// <summary>The holes named <paramref name="name"/> ([LoggerMessage] maps holes to parameters by name).</summary>
    public IEnumerable<Hole> HolesNamed(string name)
    {
        foreach (var hole in Holes)
        {
            if (string.Equals(hole.Name, name, System.StringComparison.OrdinalIgnoreCase))
                yield return hole;
        }
    }
}
