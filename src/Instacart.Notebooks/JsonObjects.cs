using System.Text.Encodings.Web;
using System.Text.Json;

namespace Instacart.Notebooks;

/// <summary>The shapes the report files' JSON shares: one indented object a file, named arrays of one object per item.</summary>
internal static class JsonObjects
{
    /// <summary>
    /// The text of a report file: one indented object whose fields <paramref name="fields"/> writes, data text kept
    /// readable (only what JSON requires is escaped), ending in a newline.
    /// </summary>
    public static string Document(Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the array <paramref name="name"/> with one object per item, whose fields <paramref name="fields"/> writes.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> fields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            fields(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
