using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Python;

/// <summary>Section <c>Python</c>: which interpreter runs the harness and the tests, and the limits around it.</summary>
public sealed class PythonOptions
{
    public const string Section = "Python";

    /// <summary>
    /// The interpreter. Empty: the first of <c>/usr/bin/python3</c> and <c>python3</c> on PATH that has
    /// pytest and coverage (Debian: <c>apt-get install python3-pytest python3-coverage</c>).
    /// </summary>
    public string? Interpreter { get; set; }

    /// <summary>Wall-clock limit of one harness command (seconds); the whole process group is killed past it.</summary>
    [Range(1, 86400)]
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>CPU-time limit of one harness process (seconds).</summary>
    [Range(1, 86400)]
    public int CpuSeconds { get; set; } = 1200;

    /// <summary>Address-space limit of one harness process (MiB).</summary>
    [Range(64, 1048576)]
    public int MemoryMiB { get; set; } = 4096;

    /// <summary>Characters of standard output and of standard error kept from one process.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxOutputChars { get; set; } = 8 * 1024 * 1024;

    /// <summary>Where workspaces (writable copies of projects) are made; empty: the system temporary folder.</summary>
    public string? WorkRoot { get; set; }
}
