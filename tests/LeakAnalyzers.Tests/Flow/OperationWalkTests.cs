using System.Linq;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>
/// The analyzers' own walk of an operation tree gives exactly what Roslyn's Descendants and DescendantsAndSelf give,
/// the same operations in the same order (the source-free scan relies on meeting a declaration before its reads).
/// </summary>
public class OperationWalkTests
{
    [Fact]
    public async Task Matches_Roslyn_over_every_body_and_block_of_the_corpus()
    {
        var roots = 0;
        var operations = 0;
        foreach (var root in await CorpusOperations.Bodies())
        {
            // Every operation of the body as a root of its own: leaves, blocks, expressions.
            foreach (var subtree in root.DescendantsAndSelf())
            {
                roots++;
                operations += subtree.DescendantsAndSelf().Count();
                AssertSame(subtree.DescendantsAndSelf(), Walk(OperationWalk.DescendantsAndSelf(subtree)));
                AssertSame(subtree.Descendants(), Walk(OperationWalk.Descendants(subtree)));
            }
        }
        // The corpus is large enough to mean something (it covers every rule's shapes).
        Assert.True(roots > 500, $"only {roots} roots");
        Assert.True(operations > 4_000, $"only {operations} operations ({roots} roots)");
    }

    /// <summary>
    /// A walk hands its stack to the next walk on its thread when it ends: a walk left early (a <c>break</c>, a
    /// <c>return</c>) or a walk nested inside another must leave nothing behind that the next one would see.
    /// </summary>
    [Fact]
    public async Task Walks_left_early_or_nested_leave_nothing_for_the_next()
    {
        var bodies = await CorpusOperations.Bodies();
        foreach (var root in bodies)
        {
            // Leave a deep walk early, then walk again from the start.
            var seen = 0;
            foreach (var _ in OperationWalk.DescendantsAndSelf(root))
            {
                if (++seen == 7)
                    break;
            }
            AssertSame(root.DescendantsAndSelf(), Walk(OperationWalk.DescendantsAndSelf(root)));
            // A walk of each operation's subtree inside the walk of the body, then the body's own walk goes on.
            var outer = new List<IOperation>();
            foreach (var operation in OperationWalk.DescendantsAndSelf(root))
            {
                outer.Add(operation);
                AssertSame(operation.Descendants(), Walk(OperationWalk.Descendants(operation)));
            }
            AssertSame(root.DescendantsAndSelf(), outer);
        }
        Assert.True(bodies.Count > 20, $"only {bodies.Count} bodies");
    }

    private static List<IOperation> Walk(OperationWalk walk)
    {
        var list = new List<IOperation>();
        foreach (var operation in walk)
            list.Add(operation);
        return list;
    }

    private static void AssertSame(IEnumerable<IOperation> expected, List<IOperation> actual)
    {
        var expectedList = expected.ToList();
        Assert.Equal(expectedList.Count, actual.Count);
        for (var i = 0; i < expectedList.Count; i++)
            Assert.Same(expectedList[i], actual[i]);
    }
}
