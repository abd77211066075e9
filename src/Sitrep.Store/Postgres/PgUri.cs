using Npgsql;

namespace Sitrep.Store.Postgres;

/// <summary>
/// A <c>postgres://user:password@host:port/database?option=value</c> URI, the form psql and
/// libpq take, as Npgsql's keyword connection string (Npgsql does not read URIs).
/// </summary>
public static class PgUri
{
    /// <exception cref="StoreException">The URI cannot be read.</exception>
    public static string ToConnectionString(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            throw new StoreException(Redacted(uri), "not a PostgreSQL URI (postgres://user@host:port/database)");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/')) is { Length: > 0 } name ? name : "sitrep",
            // The writer runs the same few statements for every document: parsed and planned once per connection.
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        // An empty host (postgres:///sitrep?host=/run/postgresql) leaves it to the query.
        if (parsed.Host.Length > 0)
            builder.Host = parsed.Host;
        if (!parsed.IsDefaultPort && parsed.Port > 0)
            builder.Port = parsed.Port;
        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            try
            {
                builder[key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new StoreException(Redacted(uri), $"unknown or bad connection option '{key}' ({e.Message})");
            }
        }
        if (string.IsNullOrEmpty(builder.Host))
            throw new StoreException(Redacted(uri), "names no host (postgres://user@host:port/database)");
        return builder.ConnectionString;
    }

    /// <summary>The URI without its password, fit for messages and logs.</summary>
    public static string Redacted(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Contains(':')
            ? uri.Replace(parsed.UserInfo, parsed.UserInfo.Split(':')[0] + ":***")
            : uri;
}
