using Instacart.Cluster.Client;
using Instacart.Cluster.Hosting;

namespace Instacart.Cluster.Tests;

public sealed class RetryPolicyTests
{
    [Fact]
    public void DelayBefore_LaterAttempts_DoublesUpToTheLimit()
    {
        var policy = new RetryPolicy(6, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(2, 5).Select(a => policy.DelayBefore(a).TotalSeconds));
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6379", "127.0.0.1:6379")]
    [InlineData("redis://cache.internal:6380/", "cache.internal:6380")]
    public void Parse_RedisAddress_GivesHostAndPort(string text, string redis)
    {
        Assert.Equal(redis, ClusterAddress.Parse(text).Redis);
    }

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("redis://host")]
    [InlineData("http://host:80")]
    [InlineData("")]
    public void Parse_NotAClusterAddress_SaysWhatIsExpected(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterAddress.Parse(text));

        Assert.Contains("redis://HOST:PORT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Localhost_UsesTheFirstSilosGateway()
    {
        Assert.Null(ClusterAddress.Parse("localhost").Redis);
        Assert.Equal(SiloDefaults.LocalGatewayPort, ClusterAddress.Parse("localhost").LocalGatewayPort);
        Assert.Equal(30001, ClusterAddress.Parse("localhost:30001").LocalGatewayPort);
    }
}
