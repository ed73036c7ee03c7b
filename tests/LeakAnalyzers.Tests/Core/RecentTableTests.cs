using LeakAnalyzers.Core;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>The recent-answers table answers only for the very key it was given, and forgets on collision.</summary>
public class RecentTableTests
{
    [Fact]
    public void Unknown_key_is_a_miss()
    {
        var table = new RecentTable<object, string>(4);

        Assert.False(table.TryGet(new object(), out _));
    }

    [Fact]
    public void Remembered_key_is_answered()
    {
        var table = new RecentTable<object, string>(4);
        var key = new object();

        Assert.Equal("answer", table.Remember(key, "answer"));
        Assert.True(table.TryGet(key, out var value));
        Assert.Equal("answer", value);
    }

    [Fact]
    public void Equal_but_distinct_keys_are_not_confused()
    {
        var table = new RecentTable<string, int>(4);
        var key = new string('a', 3);
        table.Remember(key, 1);

        Assert.False(table.TryGet(new string('a', 3), out _));
    }

    [Fact]
    public void Every_key_sharing_one_slot_is_answered_correctly_or_missed()
    {
        // One slot: each new key replaces the last, and no key ever gets another key's answer.
        var table = new RecentTable<object, int>(1);
        var first = new object();
        var second = new object();
        table.Remember(first, 1);
        table.Remember(second, 2);

        Assert.False(table.TryGet(first, out _));
        Assert.True(table.TryGet(second, out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Caller_hash_keys_sharing_a_slot_never_get_each_others_answer()
    {
        var table = new RecentTable<object, int>(8);
        var first = new object();
        var second = new object();
        table.Remember(first, 3, 1);
        table.Remember(second, 11, 2); // 11 & 7 == 3: the same slot

        Assert.False(table.TryGet(first, 3, out _));
        Assert.True(table.TryGet(second, 11, out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Caller_hash_keys_in_different_slots_are_both_kept()
    {
        var table = new RecentTable<object, int>(8);
        var first = new object();
        var second = new object();
        table.Remember(first, 100, 1);
        table.Remember(second, 101, 2);

        Assert.True(table.TryGet(first, 100, out var one));
        Assert.True(table.TryGet(second, 101, out var two));
        Assert.Equal((1, 2), (one, two));
    }
}
