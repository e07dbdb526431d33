using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Benchmarks;

/// <summary><c>./quest bench &lt;suite&gt;</c>: figures printed and written as JSON under artifacts/bench/.</summary>
public static class BenchApp
{
    private const string Usage = """
        usage: ./quest bench mutation [--shared DIR] [--repeat N] [--naive-sample N] [--out DIR]
               ./quest bench generation [--shared DIR] [--corpus DIR] [--budget SECONDS] [--attempts N] [--only ID,ID] [--out DIR]
               ./quest bench distributed [--repeat N] [--runs M] [--only saga|overhead] [--out DIR]
               ./quest bench repository [--repeat N] [--budget SECONDS] [--package DIR] [--max-modules N] [--out DIR]

          mutation   the mutation engine on shared/bench/mutation/* (real modules with CPython's tests):
                     mutants, killed, survived, timeouts, score, wall time, mutants per second, and the
                     same engine's naive mode (a fresh interpreter and the whole suite per mutant) on a
                     sample, side by side, with the speed-up as a ratio
          --shared DIR       the shared folder (default: ../shared next to the repository)
          --repeat N         fast-mode runs per module; the median is reported (default 3)
          --naive-sample N   mutants the naive mode runs per module (default 30)
          generation the offline search on the generation corpus (shared/bench/materialize-generation-corpus.sh):
                     per target: crash (and why), skipped targets, generation time, tests, coverage
                     (statements, branches, total), whether the suite passes by hand (pytest from the
                     project folder) and in 3 shuffled orders, mutation score (the runner's engine); the
                     medians; a reason for each module under 50 % coverage; Pynguin's figures where
                     shared/bench/README.md has them. Standard-library and single-file targets are
                     generated for under their `_copy` name (target.json's `file`, under src/)
          --corpus DIR       an already materialised corpus (default: run the script into a temporary folder)
          --budget SECONDS   the search budget per target (default 45)
          --attempts N       attempts per target (default 1): each later one enhances the suite as the runner
                             does (the suite, its missing lines and branches and surviving mutants, the next
                             seed); the figures are the last attempt's, the time is the sum, and each attempt's
                             coverage and mutation score is shown
          --only ID,ID       only these targets (their ids: the corpus folders' names, e.g. quopri,six)
          distributed the cost of the distributed path and the run saga's throughput; ./quest starts a private
                     PostgreSQL and RabbitMQ (Debian's packages, throwaway, on free loopback ports) and stops them after.
                     1. samples/shop shop/pricing.py (strategy search, seed 42, budget 3 s, at most 20 mutants, exactly
                     2 attempts) N times embedded (one process, in-memory bus, saga in memory, artifacts on disk) and N
                     times distributed (a host per service over RabbitMQ, saga and artifacts in PostgreSQL), interleaved:
                     per path the median wall time per attempt and the time in the steps themselves (run_summary.json),
                     the ratio distributed ÷ embedded and the overhead in % of an attempt (goal ≤ 10 %)
                     2. the saga alone with workers that answer at once: M runs submitted together (generate → static ‖
                     execute → critique → finish); saga events per second from the first submission to the last end,
                     median of N repeats (goal ≥ 300), with database commands, time and commits per event
          --repeat N         runs per path, and saga repeats (default 3)
          --runs M           runs submitted together in the saga measurement (default 50)
          --only PART        only part 1 (overhead) or part 2 (saga)
          --postgres-port P, --rabbitmq-port P   the servers to use (./quest passes the ones it started)
          --out DIR          where the JSON goes (default artifacts/bench)
          repository whole-repository runs (questmesh run <repo>, a process each, strategy search, seed 42, at most 2
                     attempts and 30 mutants per module) on samples/storefront and on a real multi-module package copied
                     alone into a folder, each with 1 and with 2 runners, alternating: coverage before and after,
                     generated tests, wall time and the module runs' time, medians of N repeats (default 3), and the
                     ratio 2 runners ÷ 1. N runners = N module runs at once (--parallel N) and every worker service
                     taking N steps at once (ConcurrentSteps), as N replicas of each worker would in a deployment
          --budget SECONDS   the search budget per attempt (default here 10; each module run may take 600 s, so none is cut)
          --package DIR      the real package (default /usr/lib/python3/dist-packages/jmespath, python3-jmespath)
          --max-modules N    module runs per repository (default 4)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var options = BenchOptions.Parse(args.Skip(1).ToArray());
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:Console:StandardError"] = "true";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddQuestMeshLogging();
        builder.Services.AddQuestMeshPython();
        using var host = builder.Build();
        var harness = host.Services.GetRequiredService<HarnessClient>();

        switch (args[0])
        {
            case "mutation":
                return await new MutationBench(harness, options).RunAsync();
            case "generation":
                return await new GenerationBench(harness, ActivatorUtilities.CreateInstance<SuiteByHand>(host.Services), options).RunAsync();
            case "repository":
                return await new RepositoryBench(options.BudgetGiven ? options : options with { BudgetSeconds = 10 }).RunAsync();
            case "distributed":
                return await new Distributed.DistributedBench(options).RunAsync();
            default:
                Console.Error.WriteLine($"quest bench: unknown suite '{args[0]}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
