using QuestMesh.ServiceDefaults;

namespace QuestMesh.Python.Tests;

public class CompletedStepsTests
{
    [Fact]
    public async Task OnceAsync_ConcurrentDeliveriesOfOneStep_DoTheWorkOnce()
    {
        var steps = new CompletedSteps();
        var step = Guid.NewGuid();
        var runs = 0;
        var release = new TaskCompletionSource();

        async Task<string> Work()
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return "reply";
        }

        var first = steps.OnceAsync(step, Work);
        var second = steps.OnceAsync(step, Work);
        release.SetResult();

        (await first).ShouldBe("reply");
        (await second).ShouldBeSameAs(await first);
        (await steps.OnceAsync(step, Work)).ShouldBe("reply");
        runs.ShouldBe(1);
    }

    [Fact]
    public async Task OnceAsync_FailedStep_RunsAgainOnRetry()
    {
        var steps = new CompletedSteps();
        var step = Guid.NewGuid();

        await Should.ThrowAsync<IOException>(() => steps.OnceAsync<string>(step, () => throw new IOException("disk full")));

        (await steps.OnceAsync(step, () => Task.FromResult("second try"))).ShouldBe("second try");
    }

    [Fact]
    public async Task OnceAsync_PastCapacity_ForgetsTheOldestStep()
    {
        var steps = new CompletedSteps(capacity: 2);
        var oldest = Guid.NewGuid();
        await steps.OnceAsync(oldest, () => Task.FromResult("a"));
        await steps.OnceAsync(Guid.NewGuid(), () => Task.FromResult("b"));
        await steps.OnceAsync(Guid.NewGuid(), () => Task.FromResult("c"));

        (await steps.OnceAsync(oldest, () => Task.FromResult("a again"))).ShouldBe("a again");
    }

    [Fact]
    public async Task OnceAsync_EmptyStepId_AlwaysRuns()
    {
        var steps = new CompletedSteps();
        var runs = 0;

        await steps.OnceAsync(Guid.Empty, () => Task.FromResult((object)++runs));
        await steps.OnceAsync(Guid.Empty, () => Task.FromResult((object)++runs));

        runs.ShouldBe(2);
    }
}
