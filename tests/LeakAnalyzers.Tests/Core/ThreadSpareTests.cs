using System.Collections.Generic;
using System.Threading;
using LeakAnalyzers.Core;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>The per-thread spare is lent to one user at a time, and never across threads.</summary>
public class ThreadSpareTests
{
    // A type of its own, so no other test (or analyzer code on the test's thread) shares this spare.
    private sealed class Buffer
    {
    }

    [Fact]
    public void Given_back_object_is_lent_again_once_and_a_nested_user_gets_none()
    {
        ThreadSpare<Buffer>.Take(); // whatever an earlier test on this thread left
        var buffer = new Buffer();
        ThreadSpare<Buffer>.Give(buffer);

        Assert.Same(buffer, ThreadSpare<Buffer>.Take());
        Assert.Null(ThreadSpare<Buffer>.Take());
    }

    [Fact]
    public void Another_thread_does_not_get_this_threads_spare()
    {
        ThreadSpare<List<Buffer>>.Give(new List<Buffer>());
        List<Buffer>? seenElsewhere = new();
        var other = new Thread(() => seenElsewhere = ThreadSpare<List<Buffer>>.Take());
        other.Start();
        other.Join();

        Assert.Null(seenElsewhere);
        Assert.NotNull(ThreadSpare<List<Buffer>>.Take());
    }
}
