using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Tests;

/// <summary>
/// The writer's statements bind text from a reused UTF-8 buffer and read rows straight from
/// SQLite: each value must be stored and read back as the provider stores and reads it.
/// </summary>
public sealed class RawStatementTests
{
    private static readonly string[] Texts =
    [
        "", "a", "Київ — обстріл ’night’", new string('x', 5000) + "Ω", "line\nbreak", "emoji 🚀 pair", "cut\0after the NUL",
        "\ud800 lone surrogate", new string('я', 3000),
    ];

    [Fact]
    public void Text_is_stored_as_the_providers_binding_stores_it()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, raw TEXT, provider TEXT, n INTEGER, x REAL)";
            create.ExecuteNonQuery();
        }
        using var insert = new RawStatement(connection, "INSERT INTO t (k, raw, n, x) VALUES ($k, $raw, $n, $x)", ["$k", "$raw", "$n", "$x"]);
        for (var k = 0; k < Texts.Length; k++)
        {
            insert.Execute([k, Texts[k], k % 2 == 0 ? null : (long)k * 1_000_000_000_000, k % 3 == 0 ? null : k / 7.0]);
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE t SET provider = $text WHERE k = $k";
            update.Parameters.AddWithValue("$text", Texts[k]);
            update.Parameters.AddWithValue("$k", k);
            update.ExecuteNonQuery();
        }

        // The provider's own reading of both columns: what every reader of the store sees.
        var provided = new List<(string Raw, string Provider)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT raw, provider FROM t ORDER BY k";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                provided.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Equal(provided.Select(p => p.Provider), provided.Select(p => p.Raw));

        using var select = new RawStatement(connection, "SELECT k, raw, provider, n, x, typeof(raw), typeof(provider) FROM t WHERE k >= $from ORDER BY k", ["$from"]);
        using var rows = select.Query([0L]);
        var read = 0;
        while (rows.Read())
        {
            var k = rows.GetInt64(0);
            Assert.Equal(rows.GetString(6), rows.GetString(5));
            Assert.Equal(provided[(int)k].Raw, rows.GetString(1));
            Assert.Equal(provided[(int)k].Provider, rows.GetString(2));
            Assert.Equal(k % 2 == 0, rows.IsDBNull(3));
            if (k % 2 == 1)
                Assert.Equal(k * 1_000_000_000_000, rows.GetInt64(3));
            Assert.Equal(k % 3 == 0, rows.IsDBNull(4));
            if (k % 3 != 0)
                Assert.Equal(k / 7.0, rows.GetDouble(4));
            read++;
        }
        Assert.Equal(Texts.Length, read);
        Assert.Equal("text", Scalar(connection, "SELECT typeof(raw) FROM t WHERE k = 0"));
    }

    [Fact]
    public void A_query_read_halfway_and_run_again_starts_from_its_first_row()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var select = new RawStatement(connection, "SELECT value FROM json_each($list)", ["$list"]);
        using (var rows = select.Query(["[1,2,3]"]))
            Assert.True(rows.Read());
        using (var rows = select.Query(["[7,8]"]))
        {
            Assert.True(rows.Read());
            Assert.Equal(7, rows.GetInt32(0));
            Assert.True(rows.Read());
            Assert.False(rows.Read());
        }
    }

    [Fact]
    public void An_insert_without_returning_gives_the_key_returning_would_give()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            // A trigger inserting into another table must not change the key the writer takes.
            create.CommandText = """
                CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL);
                CREATE TABLE side (n INTEGER PRIMARY KEY, k INTEGER);
                CREATE TRIGGER t_side AFTER INSERT ON t BEGIN INSERT INTO side (k) VALUES (new.k); END;
                """;
            create.ExecuteNonQuery();
        }
        using var plain = new RawStatement(connection, "INSERT INTO t (v) VALUES ($v)", ["$v"]);
        using var returning = new RawStatement(connection, "INSERT INTO t (v) VALUES ($v) RETURNING k", ["$v"]);
        using var delete = new RawStatement(connection, "DELETE FROM t WHERE k = $k", ["$k"]);
        var keys = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            keys.Add((i % 2 == 0 ? plain : returning).Key([$"row {i}"]));
            // SQLite hands a deleted largest key out again: the next insert must report that key.
            if (i == 3)
                delete.Execute([keys[^1]]);
        }
        Assert.Equal([1L, 2L, 3L, 4L, 4L, 5L], keys);
        Assert.Equal("row 5", Scalar(connection, "SELECT v FROM t WHERE k = 5"));
        Assert.Equal("row 4", Scalar(connection, "SELECT v FROM t WHERE k = 4"));
        // A refused row gives no key, and the next row the key after the last stored one.
        Assert.Throws<SqliteException>(() => plain.Key([null]));
        Assert.Equal(6L, plain.Key(["row 6"]));
        Assert.Equal(7L, Scalar(connection, "SELECT count(*) FROM side"));
    }

    [Fact]
    public void Values_bound_by_slot_are_stored_as_the_array_of_values_stores_them()
    {
        using var connection = Memory("""
            CREATE TABLE by_array (k INTEGER PRIMARY KEY, t TEXT, n INTEGER, x REAL);
            CREATE TABLE by_slot (k INTEGER PRIMARY KEY, t TEXT, n INTEGER, x REAL);
            """);
        // The names in another order than the columns: a slot is the name's place in the list.
        string[] names = ["$n", "$t", "$x"];
        using var byArray = new RawStatement(connection, "INSERT INTO by_array (t, n, x) VALUES ($t, $n, $x)", names);
        using var bySlot = new RawStatement(connection, "INSERT INTO by_slot (t, n, x) VALUES ($t, $n, $x)", names);
        long?[] integers = [null, 0, -1, long.MaxValue, long.MinValue, 42];
        double?[] reals = [null, 0.0, -0.0, 1e-300, double.MaxValue, 50.4501];
        for (var i = 0; i < Texts.Length; i++)
        {
            string? text = i % 4 == 3 ? null : Texts[i];
            var (n, x) = (integers[i % integers.Length], reals[i % reals.Length]);
            var arrayKey = byArray.Key([n, text, x]);
            Assert.Equal(arrayKey, bySlot.Bind(0, n).Bind(1, text).Bind(2, x).Inserted());
        }
        Assert.Equal(Texts.Length, Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM by_slot")));
        Assert.Equal(0L, Scalar(connection, """
            SELECT count(*) FROM by_array a FULL JOIN by_slot s USING (k)
            WHERE a.t IS NOT s.t OR typeof(a.t) IS NOT typeof(s.t) OR a.n IS NOT s.n OR typeof(a.n) IS NOT typeof(s.n)
               OR a.x IS NOT s.x OR typeof(a.x) IS NOT typeof(s.x)
            """));
    }

    [Fact]
    public void A_run_by_slot_that_fails_leaves_the_statement_ready_for_the_next()
    {
        using var connection = Memory("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        using var insert = new RawStatement(connection, "INSERT INTO t (v) VALUES ($v)", ["$v"]);
        insert.Bind(0, (string?)null);
        Assert.Throws<SqliteException>(insert.Run);
        insert.Bind(0, "kept");
        Assert.Equal(1L, insert.Inserted());
        Assert.Equal("kept", Scalar(connection, "SELECT v FROM t WHERE k = 1"));
    }

    private static SqliteConnection Memory(string schema)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = schema;
        create.ExecuteNonQuery();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
