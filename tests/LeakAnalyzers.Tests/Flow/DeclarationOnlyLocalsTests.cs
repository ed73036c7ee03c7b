using System.Linq;
using System.Threading;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>
/// The text shortcut for locals written only by their declaration: it answers only where the local-write index would
/// give exactly the same single write, and leaves every other shape to the index.
/// </summary>
public class DeclarationOnlyLocalsTests
{
    [Theory]
    [InlineData("var item = Load(); if (item is null) return \"\"; return Use(item);")]
    [InlineData("var item = Load(); var other = new Dto(); other.item = 1; return Use(item);")]
    [InlineData("var item = Load(); // item = null;\n var text = \"item = null\"; return Use(item) + text;")]
    [InlineData("var item = Load(); var items = new List<Dto> { item }; items.Add(item); return Use(item);")]
    [InlineData("var item = Load(); Func<Dto> f = () => item; return nameof(item) + Use(f());")]
    [InlineData("var item = Load(); var anon = new { Name = item.Name }; return Use(item) + anon;")]
    [InlineData("var @item = Load(); return Use(@item);")]
    public void Shortcut_answers_when_the_declaration_is_the_only_write(string body)
    {
        var (local, block, reference) = Find(body);

        var initializer = DeclarationOnlyLocals.OnlyInitializer(local, block, CancellationToken.None);

        Assert.NotNull(initializer);
        var write = Assert.Single(new LocalWriteIndex(block).WritesTo(local));
        Assert.Same(write.Operation, initializer);
        Assert.False(write.IsMutation);
        Assert.NotNull(reference);
    }

    [Theory]
    [InlineData("var item = Load(); item = Load(); return Use(item);")]
    [InlineData("var item = Load(); item ??= Load(); return Use(item);")]
    [InlineData("var item = Load(); item.Name = \"x\"; return Use(item);")]
    [InlineData("var item = Load(); item.Tags.Add(\"x\"); return Use(item);")]
    [InlineData("var item = Load(); ((Dto)item).Tags.Add(\"x\"); return Use(item);")]
    [InlineData("var item = Load(); item!.Tags.Add(\"x\"); return Use(item);")]
    [InlineData("var item = Load(); item?.Tags.Add(\"x\"); return Use(item);")]
    [InlineData("var item = Load(); Replace(ref item); return Use(item);")]
    [InlineData("var item = Load(); (item, _) = (Load(), 1); return Use(item);")]
    [InlineData("var item = Load(); Action a = () => item = Load(); a(); return Use(item);")]
    [InlineData("var item = Load(); Func<Dto, string> f = item => item.Name; return Use(item) + f(item);")]
    [InlineData("var item = Load(); \\u0069tem = Load(); return Use(item);")]
    [InlineData("Dto item; item = Load(); return Use(item);")]
    public void Shortcut_leaves_possible_writes_to_the_index(string body)
    {
        var (local, block, _) = Find(body);

        Assert.Null(DeclarationOnlyLocals.OnlyInitializer(local, block, CancellationToken.None));
    }

    [Fact]
    public void Engine_still_sees_a_write_after_the_declaration()
    {
        // End to end through LEAK001: the second write is the leak, so the shortcut must not answer.
        var (local, block, _) = Find("var item = Load(); try { } catch (Exception ex) { item = new Dto { Name = ex.Message }; } return Use(item);");

        Assert.Null(DeclarationOnlyLocals.OnlyInitializer(local, block, CancellationToken.None));
        Assert.Equal(2, new LocalWriteIndex(block).WritesTo(local).Count);
    }

    private static (ILocalSymbol Local, IBlockOperation Block, ILocalReferenceOperation? Reference) Find(string body)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            public class Dto { public string Name { get; set; } = ""; public List<string> Tags { get; } = new(); public int item; }
            public class C
            {
                static Dto Load() => new Dto();
                static string Use(Dto d) => d.Name;
                static void Replace(ref Dto d) => d = new Dto();
                public string M()
                {
                    {{body}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Locals", new[] { tree }, References.Default, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "M");
        var block = (IBlockOperation)((IMethodBodyOperation)model.GetOperation(method)!).BlockBody!;
        var local = block.Locals.First(l => l.Name == "item");
        var reference = block.Descendants().OfType<ILocalReferenceOperation>().LastOrDefault(r => SymbolEqualityComparer.Default.Equals(r.Local, local));
        return (local, block, reference);
    }
}
