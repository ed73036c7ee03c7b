using System;
using System.Collections.Generic;
using LeakAnalyzers.Core;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>Answers worked out once per key: the recent table and the dictionary behind it give the same answer.</summary>
public class AnswerCacheTests
{
    [Fact]
    public void Each_key_is_worked_out_once_however_it_is_asked()
    {
        var computed = new List<string>();
        var cache = new AnswerCache<string, int>(4, StringComparer.Ordinal, key =>
        {
            computed.Add(key);
            return key.Length;
        });

        Assert.Equal(5, cache.Get("Login"));
        Assert.Equal(5, cache.Get("Login"));
        Assert.Equal(5, cache.GetOnce("Login"));
        Assert.Equal(8, cache.GetOnce("Password"));
        Assert.Equal(8, cache.Get("Password"));

        Assert.Equal(new[] { "Login", "Password" }, computed);
    }

    [Fact]
    public void Equal_keys_that_are_distinct_objects_share_the_answer_through_the_dictionary()
    {
        var computed = 0;
        var cache = new AnswerCache<string, int>(4, StringComparer.OrdinalIgnoreCase, key =>
        {
            computed++;
            return key.Length;
        });

        Assert.Equal(5, cache.Get("Token"));
        // A different object, equal by the comparer: not in the recent table (identity), found in the dictionary.
        Assert.Equal(5, cache.Get(new string("TOKEN".ToCharArray())));
        Assert.Equal(1, computed);
    }

    [Fact]
    public void Keys_evicted_from_the_recent_table_are_still_answered_without_working_them_out_again()
    {
        var computed = 0;
        var cache = new AnswerCache<object, int>(1, ReferenceEqualityComparer.Instance, key =>
        {
            computed++;
            return key.GetHashCode();
        });
        var first = new object();
        var second = new object();

        var answer = cache.Get(first);
        cache.Get(second); // one slot: evicts first
        Assert.Equal(answer, cache.Get(first));
        Assert.Equal(2, computed);
    }
}
