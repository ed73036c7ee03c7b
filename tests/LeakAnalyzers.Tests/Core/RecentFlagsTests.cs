using System.Linq;
using System.Threading.Tasks;
using LeakAnalyzers.Core;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>The yes/no table answers only for the very key it was given, with its own answer, and forgets on collision.</summary>
public class RecentFlagsTests
{
    [Fact]
    public void Unknown_key_is_a_miss()
    {
        var table = new RecentFlags<object>(4);

        Assert.False(table.TryGet(new object(), out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Remembered_key_is_answered_with_its_answer(bool answer)
    {
        var table = new RecentFlags<object>(4);
        var key = new object();

        Assert.Equal(answer, table.Remember(key, answer));
        Assert.True(table.TryGet(key, out var value));
        Assert.Equal(answer, value);
    }

    [Fact]
    public void Equal_but_distinct_keys_are_not_confused()
    {
        var table = new RecentFlags<string>(4);
        table.Remember(new string('a', 3), true);

        Assert.False(table.TryGet(new string('a', 3), out _));
    }

    [Fact]
    public void A_key_remembered_in_the_same_slot_replaces_the_last_whatever_the_answers()
    {
        // One slot: each new key replaces the last, in either array.
        var table = new RecentFlags<object>(1);
        var first = new object();
        var second = new object();
        var third = new object();
        table.Remember(first, true);
        table.Remember(second, false);

        Assert.False(table.TryGet(first, out _));
        Assert.True(table.TryGet(second, out var secondAnswer));
        Assert.False(secondAnswer);

        table.Remember(third, true);
        Assert.False(table.TryGet(second, out _));
        Assert.True(table.TryGet(third, out var thirdAnswer));
        Assert.True(thirdAnswer);
    }

    [Fact]
    public void Racing_threads_never_get_another_keys_answer()
    {
        // Keys whose answer is their parity, four slots for 64 keys: every slot is fought over by every thread.
        var keys = Enumerable.Range(0, 64).Select(i => new Box(i)).ToArray();
        var table = new RecentFlags<Box>(4);
        var wrong = 0;
        Parallel.For(0, 4, thread =>
        {
            for (var round = 0; round < 20_000; round++)
            {
                var key = keys[(round * 7 + thread * 13) % keys.Length];
                if (table.TryGet(key, out var answer))
                {
                    if (answer != (key.Value % 2 == 0))
                        System.Threading.Interlocked.Increment(ref wrong);
                }
                else
                {
                    table.Remember(key, key.Value % 2 == 0);
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    private sealed record Box(int Value);
}
