using Instacart.Data.Memory;

namespace Instacart.Analysis.Tests.Memory;

public sealed class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "55d0c0000000-55d0c0001000 r--p 00000000 08:01 1234 /usr/bin/dotnet",
        "7f0000000000-7f0000200000 rw-p 00000000 00:00 0",
        "7f0000200000-7f4000000000 ---p 00000000 00:00 0",
        "7f4000000000-7f4000100000 rw-p 00000000 00:00 0",
        "7f4000100000-7f4000200000 r--p 00000000 08:01 99 /usr/lib/libc.so.6",
        "7f4000200000-7f4000300000 rw-p 00000000 00:00 0",
        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]",
    ];

    [Fact]
    public void ReservedRange_AddressInSplitReservation_IsEveryAdjacentAnonymousMapping()
    {
        var range = HugePages.ReservedRange(Maps, 0x7f0000300000UL);

        Assert.Equal((0x7f0000000000UL, 0x7f4000100000UL), range);
    }

    [Fact]
    public void ReservedRange_AnonymousMappingAfterAFile_StopsAtTheFile()
    {
        Assert.Equal((0x7f4000200000UL, 0x7f4000300000UL), HugePages.ReservedRange(Maps, 0x7f4000200010UL));
    }

    [Theory]
    [InlineData(0x55d0c0000010UL)] // a file's mapping
    [InlineData(0x7ffd00000010UL)] // a named mapping (the stack)
    [InlineData(0x1000UL)] // nothing mapped
    public void ReservedRange_AddressNotInAnAnonymousMapping_IsNull(ulong address)
    {
        Assert.Null(HugePages.ReservedRange(Maps, address));
    }

    [Fact]
    public void ReservedRange_UnreadableLine_IsNull()
    {
        Assert.Null(HugePages.ReservedRange([.. Maps, "not a mapping"], 0x7f0000300000UL));
    }

    [Fact]
    public void AdviseManagedHeap_OnThisMachine_AdvisesOnlyWhenHugePagesAreGivenOnAdvice()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        var onAdvice = OperatingSystem.IsLinux() && File.Exists(setting) && File.ReadAllText(setting).Contains("[madvise]", StringComparison.Ordinal);

        var advised = HugePages.AdviseManagedHeap();

        if (onAdvice)
        {
            Assert.True(advised > 0, "the managed heap's range was not advised");
        }
        else
        {
            Assert.Equal(0, advised);
        }
    }
}
