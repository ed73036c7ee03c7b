using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Check = (System.Collections.Generic.List<string> Problems, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics);

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and code fix over the sample app, the built-in corpus and the other tests' inputs — first as
/// written, then after a few hundred seeded mutations. No analyzer or fix may throw or hang on any of them.
/// A failure names the input and the seed, which reproduce the mutant exactly.
/// </summary>
public class MutationSweepTests
{
    private const int SampleMutants = 80;
    private const int CorpusMutants = 180;

    /// <summary>The other tests' inputs grow with every rule; an even spread of this many keeps the sweep within budget.</summary>
    private const int MaxTestInputs = 60;

    [Fact]
    public async Task Corpus_snippets_compile()
    {
        // The corpus is only worth mutating if the analyzers see meaningful code in it first.
        var errors = new List<string>();
        foreach (var (name, source) in SnippetCorpus.All)
        {
            var project = RobustnessHarness.CreateProject(new SweepInput(name, new[] { ($"{name}.cs", source) }));
            var compilation = (await project.GetCompilationAsync())!;
            errors.AddRange(compilation.GetDiagnostics()
                .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .Select(d => $"{name}: {d}"));
        }
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Unmutated_inputs_are_handled()
    {
        var inputs = new List<SweepInput> { new("sample app", InputSources.SampleApp()) };
        inputs.AddRange(Pool().Select(p => new SweepInput(p.Name, new[] { ("Input.cs", p.Source) })));
        await AssertNoProblemsAsync(inputs);
    }

    [Fact]
    public async Task Mutants_of_the_sample_app_are_handled()
    {
        // One project; each mutant edits one file and only that file is analyzed (as in an IDE while typing).
        var files = InputSources.SampleApp();
        Assert.NotEmpty(files);
        var project = RobustnessHarness.CreateProject(new SweepInput("sample app", files));
        var documents = files.Select(f => project.Documents.Single(d => d.Name == f.Path)).ToList();
        var mutants = Enumerable.Range(0, SampleMutants).Select(seed =>
        {
            var target = seed % files.Count;
            var (text, edits) = SourceMutator.Mutate(files[target].Text, seed);
            var mutated = documents[target].WithText(SourceText.From(text));
            return (Name: $"sample {files[target].Path} seed {seed} ({edits})", Document: mutated);
        }).ToList();
        await AssertNoProblemsAsync(mutants.Count, mutants.Select(m => (Func<Task<Check>>)(() => RobustnessHarness.CheckAsync(m.Name, m.Document.Project, m.Document))));
    }

    [Fact]
    public async Task Mutants_of_the_corpus_and_test_inputs_are_handled()
    {
        var pool = Pool();
        var inputs = new List<SweepInput>();
        for (var seed = 0; seed < CorpusMutants; seed++)
        {
            var (name, source) = pool[seed % pool.Count];
            var (text, edits) = SourceMutator.Mutate(source, seed);
            inputs.Add(new SweepInput($"{name} seed {seed} ({edits})", new[] { ("Input.cs", text) }));
        }
        await AssertNoProblemsAsync(inputs);
    }

    [Fact]
    public void Mutator_is_deterministic_and_changes_the_code()
    {
        var source = SnippetCorpus.All[0].Source;
        Assert.Equal(SourceMutator.Mutate(source, 42), SourceMutator.Mutate(source, 42));
        var changed = Enumerable.Range(0, 20).Count(seed => SourceMutator.Mutate(source, seed).Text != source);
        Assert.True(changed >= 19, $"only {changed} of 20 mutants differ from the source");
    }

    /// <summary>The corpus, the single-file language shapes and (interleaved, so every kind gets mutants) the test inputs.</summary>
    private static List<(string Name, string Source)> Pool()
    {
        var pool = new List<(string Name, string Source)>(SnippetCorpus.All.Select(s => ("corpus " + s.Name, s.Source)));
        pool.AddRange(LanguageShapes.All.Where(s => s.Documents.Count == 1).Select(s => ("shape " + s.Name, s.Documents[0].Text)));
        var all = InputSources.TestInputs();
        var step = Math.Max(1, (all.Count + MaxTestInputs - 1) / MaxTestInputs);
        var testInputs = all.Where((_, i) => i % step == 0).ToList();
        var merged = new List<(string, string)>();
        for (var i = 0; i < Math.Max(pool.Count, testInputs.Count); i++)
        {
            if (i < pool.Count)
                merged.Add(pool[i]);
            if (i < testInputs.Count)
                merged.Add(("test input " + testInputs[i].Name, testInputs[i].Source));
        }
        return merged;
    }

    private static Task AssertNoProblemsAsync(IReadOnlyList<SweepInput> inputs) =>
        AssertNoProblemsAsync(inputs.Count, inputs.Select(i => (Func<Task<Check>>)(() => RobustnessHarness.CheckAsync(i))));

    /// <summary>Runs the checks a few at a time (they are independent) and reports the first problems.</summary>
    private static async Task AssertNoProblemsAsync(int count, IEnumerable<Func<Task<Check>>> checks)
    {
        var problems = new ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) };
        await Parallel.ForEachAsync(checks, options, async (check, _) =>
        {
            foreach (var problem in (await check()).Problems)
                problems.Add(problem);
        });
        Assert.True(problems.IsEmpty,
            $"{problems.Count} problem(s) over {count} inputs:" + Environment.NewLine + string.Join(Environment.NewLine, problems.OrderBy(p => p, StringComparer.Ordinal).Take(10)));
    }
}
