using System.Linq;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeakAnalyzers.Tests.Knowledge;

/// <summary>
/// Whether a value is an exception, asked of the types operations carry. Under <c>#nullable enable</c> each operation's
/// type is a wrapper of its own; the answer (kept per original definition) must be the same for every one of them.
/// </summary>
public class ExceptionSymbolsTests
{
    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class Failure<T> : InvalidOperationException { }
        public class Order { }

        public class Shapes
        {
            public void Values(Exception? maybe, ArgumentException sure, Failure<int> generic, Failure<string>? other,
                Order order, List<Exception> list, Task<Exception> task, Exception[] array)
            {
                Use(maybe); Use(sure); Use(generic); Use(other); Use(maybe); Use(sure);
                Use(order); Use(list); Use(task); Use(array); Use(order);
            }

            private static void Use(object? value) { }
        }
        """;

    [Fact]
    public void Answers_for_every_annotated_and_constructed_wrapper_asked_again_and_again()
    {
        var (compilation, references) = ParameterReads.Of(Source, "Values");
        // The premise: the same parameter read twice gives two different type objects.
        Assert.NotSame(references[0].Type, references[4].Type);

        var symbols = ExceptionSymbols.Create(compilation)!;
        var answers = references.Select(r => (r.Parameter.Name, symbols.IsException(r.Type))).ToList();
        Assert.Equal(
            new[]
            {
                ("maybe", true), ("sure", true), ("generic", true), ("other", true), ("maybe", true), ("sure", true),
                ("order", false), ("list", false), ("task", false), ("array", false), ("order", false),
            },
            answers);
    }
}
