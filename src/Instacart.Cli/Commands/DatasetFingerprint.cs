using System.Security.Cryptography;
using Instacart.Analysis;
using Instacart.Analysis.Input;

namespace Instacart.Cli.Commands;

/// <summary>STAND-IN until the loader exposes the fingerprint of the exact bytes it read.</summary>
internal static class DatasetFingerprint
{
    public static string Of(InstacartData data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in new[] { InputFiles.Orders, InputFiles.PriorLines, InputFiles.TrainLines, InputFiles.Products, InputFiles.Departments, InputFiles.Aisles, InputFiles.Customers })
        {
            var path = Path.Combine(data.Input.Folder, name);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            if (File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
