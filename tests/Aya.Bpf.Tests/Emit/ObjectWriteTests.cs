using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Emit;

/// <summary>Writing the object: a failure is a message, and no temporary file or partial object is left.</summary>
[TestClass]
public sealed class ObjectWriteTests
{
    private readonly TempDirectory _directory = new();

    [TestCleanup]
    public void Cleanup() => _directory.Dispose();

    [TestMethod]
    public void AFolderThatIsAFile_IsAMessage_AndLeavesNothing()
    {
        string notAFolder = _directory.Write("obj", "a file where the object's folder should be");

        string? error = ObjectEmitter.WriteAtomically(Path.Combine(notAFolder, "p.bpf.o"), [1, 2, 3]);

        Assert.IsNotNull(error);
        CollectionAssert.AreEqual(new[] { notAFolder }, Directory.GetFileSystemEntries(_directory.Path));
    }

    /// <summary>A full disk: a 64 KiB tmpfs given a 1 MiB object.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void AFullDisk_IsAMessage_AndLeavesNoTemporaryFile()
    {
        RequiredTool.BpfPrivileges();
        string mountPoint = Directory.CreateDirectory(_directory.Combine("small")).FullName;
        ProcessResult mount = ChildProcess.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint], TimeSpan.FromSeconds(30));
        Assert.IsTrue(mount.Succeeded, mount.Output);
        try
        {
            string? error = ObjectEmitter.WriteAtomically(Path.Combine(mountPoint, "p.bpf.o"), new byte[1 << 20]);

            StringAssert.Contains(error ?? "(written)", "No space left on device");
            Assert.IsEmpty(Directory.GetFileSystemEntries(mountPoint), "neither the object nor its temporary file is left");
        }
        finally
        {
            ChildProcess.Run("umount", [mountPoint], TimeSpan.FromSeconds(30));
        }
    }
}
