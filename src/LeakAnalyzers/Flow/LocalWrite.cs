using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>One write into a local found by <see cref="LocalWriteIndex"/>.</summary>
internal readonly struct LocalWrite
{
    public LocalWrite(IOperation operation, bool isMutation, int[]? element = null)
    {
        Operation = operation;
        IsMutation = isMutation;
        Element = element;
    }

    /// <summary>The value written (an initializer, a foreach source, a matched value) or the whole assignment or call.</summary>
    public IOperation Operation { get; }

    /// <summary>
    /// A write into the object the local holds (<c>list.Add(x)</c>, <c>obj.Prop = x</c>): only what it puts in counts,
    /// not what the call returns. Otherwise the local takes the value itself.
    /// </summary>
    public bool IsMutation { get; }

    /// <summary>
    /// Deconstruction (<c>var (status, message) = value</c>): the local takes this element of <see cref="Operation"/>,
    /// one index per level of nesting (<c>var (a, (b, c))</c> gives c the path 1, 1). Null: the whole value. For
    /// <c>foreach (var (key, value) in pairs)</c> <see cref="Operation"/> is the loop, standing for an item of its collection.
    /// </summary>
    public int[]? Element { get; }
}
