using QuestMesh.Benchmarks;

return await BenchApp.RunAsync(args);
