using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Python.Tests;

[SupportedOSPlatform("linux")]
public sealed class SandboxUsersTests : IDisposable
{
    private const int FirstUid = 300_000;
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("questmesh-sandbox-users-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Should_never_hand_out_an_id_that_another_service_process_holds()
    {
        // Two allocators over one lock folder stand for two services on one machine (two runners).
        var runner = new SandboxUsers(Options(uidCount: 3), NullLogger.Instance);
        var generator = new SandboxUsers(Options(uidCount: 3), NullLogger.Instance);

        using var first = runner.Acquire();
        using var second = generator.Acquire();
        using var third = runner.Acquire();

        new[] { first.Uid, second.Uid, third.Uid }.ShouldBe(new uint[] { FirstUid, FirstUid + 1, FirstUid + 2 }, ignoreOrder: true);
        Should.Throw<SandboxUnavailableException>(() => generator.Acquire()).Message.ShouldContain("Sandbox:UidCount");
    }

    [Fact]
    public void Should_hand_out_an_id_again_once_its_lease_ends()
    {
        var users = new SandboxUsers(Options(uidCount: 1), NullLogger.Instance);

        using (users.Acquire())
            Should.Throw<SandboxUnavailableException>(() => users.Acquire());

        using var again = users.Acquire();
        again.Uid.ShouldBe((uint)FirstUid);
    }

    [Fact]
    public void Should_keep_its_lock_folder_closed_to_other_users()
    {
        var options = Options(uidCount: 2);

        using var lease = new SandboxUsers(options, NullLogger.Instance).Acquire();

        (File.GetUnixFileMode(options.UserLockFolder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None);
        File.Exists(Path.Combine(options.UserLockFolder, lease.Uid.ToString())).ShouldBeTrue();
    }

    private SandboxOptions Options(int uidCount) => new()
    {
        FirstUid = FirstUid,
        UidCount = uidCount,
        UserLockFolder = Path.Combine(_root.FullName, "users"),
    };
}
