using System.Linq;
using LeakAnalyzers.Core;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>The name sets calls are checked against: the filter in front may only let names through, never decide.</summary>
public class NameSetTests
{
    private static readonly string[] Catalogued = { "LogInformation", "LogError", "Information", "Ok", "Problem", "UseDeveloperExceptionPage", "WriteAsync" };

    [Fact]
    public void Finds_every_name_it_was_given()
    {
        var set = new NameSet(Catalogued);

        Assert.All(Catalogued, name => Assert.True(set.Contains(name), name));
        Assert.Equal(Catalogued.Length, set.Count);
    }

    [Theory]
    // Same length and same first, middle and last characters as LogInformation: the filter's first bit lets it
    // through, and the set must still say no.
    [InlineData("LogAnfoZmatiXn")]
    [InlineData("logInformation")]
    [InlineData("LogInformatio")]
    [InlineData("GetAsync")]
    [InlineData("O")]
    [InlineData("")]
    public void Rejects_names_it_was_not_given(string name)
    {
        var set = new NameSet(Catalogued);

        Assert.False(set.Contains(name));
    }

    [Fact]
    public void Added_twice_counts_once_and_names_added_later_are_found()
    {
        var set = new NameSet();
        set.Add("LogWarning");
        set.UnionWith(new[] { "LogWarning", "LogCritical" });

        Assert.Equal(2, set.Count);
        Assert.True(set.Contains("LogCritical"));
        Assert.False(set.Contains("LogDebug"));
    }

    [Fact]
    public void Rejects_most_of_a_large_corpus_of_other_names_before_the_hash()
    {
        // Not a timing test: it checks that the filter is selective at all (a filter that let everything through would
        // still give right answers, and no speed). Names built like a project's methods: verb, noun, suffix.
        var set = new NameSet(Catalogued);
        var verbs = new[] { "Get", "Find", "Create", "Update", "Delete", "List", "Map", "Validate", "Save", "Load" };
        var nouns = new[] { "Order", "Customer", "Invoice", "Product", "Session", "Account", "Item", "Report" };
        var suffixes = new[] { "", "Async", "ById", "Core" };
        var others = (from v in verbs from n in nouns from s in suffixes select v + n + s).ToList();

        Assert.All(others, name => Assert.False(set.Contains(name)));
        Assert.True(others.Count(set.PassesFilter) < others.Count / 10, "the filter lets most names through");
    }

    [Fact]
    public void Stays_selective_when_it_holds_hundreds_of_names()
    {
        // The response-sink set holds every method of Results, TypedResults and the MVC result helpers: hundreds of
        // names. A project's own method names (and the log methods every project calls) must still mostly stop at the filter.
        var sinkLike = (from prefix in new[] { "Ok", "Json", "Problem", "Created", "Accepted", "Redirect", "Content", "File", "Stream", "Text", "Bytes", "Challenge", "Forbid", "SignIn", "SignOut", "Unauthorized", "NotFound", "Conflict", "BadRequest", "ValidationProblem" }
                        from suffix in new[] { "", "Async", "Result", "AtAction", "AtRoute", "Object", "Permanent", "Preserve", "Local", "Physical", "Virtual", "Typed", "Of", "With", "For", "Raw", "Empty", "Status", "Value", "Body" }
                        select prefix + suffix).ToList();
        var set = new NameSet(sinkLike);
        var verbs = new[] { "Get", "Find", "Create", "Update", "Delete", "List", "Map", "Validate", "Save", "Load", "Log", "Send", "Build", "Parse" };
        var nouns = new[] { "Order", "Customer", "Invoice", "Product", "Session", "Account", "Item", "Report", "Information", "Warning", "Error", "Debug" };
        var suffixes = new[] { "", "Async", "ById", "Core" };
        var others = (from v in verbs from n in nouns from s in suffixes select v + n + s).Where(name => !sinkLike.Contains(name)).ToList();

        Assert.Equal(400, set.Count);
        Assert.True(others.Count(set.PassesFilter) < others.Count / 30, $"{others.Count(set.PassesFilter)} of {others.Count} names passed the filter");
    }
}
