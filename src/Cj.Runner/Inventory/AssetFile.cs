using System.Security.Cryptography;
using System.Text;

namespace Cj.Runner.Inventory;

/// <summary>One file of the assets folder with its checksums and extracted text.</summary>
/// <param name="SourcePath">The path relative to the assets folder, with '/' separators.</param>
/// <param name="FullPath">The absolute path on disk.</param>
/// <param name="FileName">The file name with its extension.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes.</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="Text">The extracted text, trimmed of trailing whitespace.</param>
/// <param name="StorageId">Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="Text"/>: the content-addressed storage id.</param>
internal sealed record AssetFile(
    string SourcePath, string FullPath, string FileName, string Sha256, long Bytes, string Text, string StorageId)
{
    /// <summary>Reads, hashes and extracts <paramref name="fullPath"/>; throws <see cref="InputException"/> naming the file.</summary>
    public static AssetFile Read(string assetsDirectory, string fullPath)
    {
        var bytes = EssayText.ReadBytes(fullPath);
        var text = EssayText.FromBytes(fullPath, bytes);
        var relative = Path.GetRelativePath(assetsDirectory, fullPath).Replace('\\', '/');
        return new AssetFile(
            relative, fullPath, Path.GetFileName(fullPath), Hex(bytes), bytes.LongLength, text,
            Hex(Encoding.UTF8.GetBytes(text)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
