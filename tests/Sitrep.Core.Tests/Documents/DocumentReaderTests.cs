using System.Text;
using Sitrep.Documents;

namespace Sitrep.Core.Tests.Documents;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-docs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content) => WriteBytes(name, new UTF8Encoding(false).GetBytes(content));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static DocumentException Fails(string path, long maxBytes = DocumentReader.DefaultMaxBytes) =>
        Assert.Throws<DocumentException>(() => DocumentReader.Read(path, maxBytes: maxBytes));

    [Fact]
    public void A_plain_text_report_is_read_as_written_with_its_id()
    {
        const string body = "Drones hit the port.\nTwo barges sank.\n";
        var doc = DocumentReader.Read(Write("2024-03-05_port.txt", body));
        Assert.Equal("2024-03-05_port", doc.Id);
        Assert.Equal(body, doc.Text);
        Assert.Equal(DocumentMeta.Empty, doc.Meta);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var e = Fails(Write("empty.txt", ""));
        Assert.Contains("empty", e.Problem);
        Assert.EndsWith("empty.txt", e.Path);
    }

    [Fact]
    public void A_file_of_whitespace_is_refused_as_empty() =>
        Assert.Contains("empty", Fails(Write("blank.txt", " \r\n\t\n")).Problem);

    [Fact]
    public void A_binary_file_with_nul_bytes_is_refused()
    {
        var e = Fails(WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x41, 0x42]));
        Assert.Contains("binary", e.Problem);
    }

    [Fact]
    public void A_file_of_mostly_control_bytes_is_refused_as_binary()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray();
        Assert.Contains("control bytes", Fails(WriteBytes("ctl.txt", bytes)).Problem);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_byte_offset()
    {
        var bytes = Encoding.ASCII.GetBytes("Shelling in Kharkiv ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(" today.")).ToArray();
        var e = Fails(WriteBytes("latin.txt", bytes));
        Assert.Contains("not valid UTF-8", e.Problem);
        Assert.Contains("at byte 20", e.Problem);
    }

    [Fact]
    public void Latin1_text_is_refused_rather_than_misread()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 near the front was hit.");
        Assert.Contains("UTF-8", Fails(WriteBytes("cafe.txt", bytes)).Problem);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Write("big.txt", new string('a', 2048) + ".");
        var e = Fails(path, maxBytes: 1024);
        Assert.Equal("file is 2 KB, over the 1 KB limit for one report", e.Problem);
        Assert.Equal("big", DocumentReader.Read(path, maxBytes: 4096).Id);
    }

    [Fact]
    public void A_file_exactly_at_the_size_limit_is_read()
    {
        var path = Write("edge.txt", new string('b', 99) + ".");
        Assert.Equal(100, DocumentReader.Read(path, maxBytes: 100).Text.Length);
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Assert.Contains("no such file", Fails(Path.Combine(_dir, "nope.txt")).Problem);

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Kyiv\u2019s mayor spoke.")).ToArray();
        var doc = DocumentReader.Read(WriteBytes("bom.txt", bytes));
        Assert.Equal("Kyiv\u2019s mayor spoke.", doc.Text);
        Assert.Equal('K', doc.Text[0]);
    }

    [Fact]
    public void A_byte_order_mark_alone_is_an_empty_file() =>
        Assert.Contains("empty", Fails(WriteBytes("bomonly.txt", [0xEF, 0xBB, 0xBF])).Problem);

    [Fact]
    public void The_sidecar_meta_gives_publication_date_source_url_and_title()
    {
        var path = Write("r1.txt", "Drones hit the port.");
        Write("r1.meta.json", """{"published": "2024-03-05", "source": "Sample Wire", "url": "https://example.org/r1", "title": "Port hit", "extra": 5}""");
        var meta = DocumentReader.Read(path).Meta;
        Assert.Equal(new DocumentMeta(new DateOnly(2024, 3, 5), "Sample Wire", "https://example.org/r1", "Port hit"), meta);
    }

    [Theory]
    [InlineData("2024-03-05T10:00:00Z", 2024, 3, 5)]
    [InlineData("2024-03-05T23:30:00Z", 2024, 3, 5)]
    [InlineData("2024-03-05 08:15", 2024, 3, 5)]
    [InlineData("2024-03-05T09:00:00+02:00", 2024, 3, 5)]
    public void Published_may_be_a_date_time(string published, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DocumentReader.ParsePublished(published));

    [Theory]
    [InlineData("2024-03-06T01:30:00+02:00", 6)]
    [InlineData("2024-03-05T22:30:00-05:00", 5)]
    public void Published_with_an_offset_keeps_the_day_it_was_written_on(string published, int day) =>
        Assert.Equal(new DateOnly(2024, 3, day), DocumentReader.ParsePublished(published));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("")]
    public void A_published_value_that_is_not_a_date_is_null(string published) =>
        Assert.Null(DocumentReader.ParsePublished(published));

    [Fact]
    public void Meta_with_a_bad_date_is_refused_naming_the_meta_file()
    {
        var path = Write("r2.txt", "Drones hit the port.");
        Write("r2.meta.json", """{"published": "last Tuesday"}""");
        var e = Fails(path);
        Assert.EndsWith("r2.meta.json", e.Path);
        Assert.Contains("last Tuesday", e.Problem);
    }

    [Theory]
    [InlineData("{\"published\": \"2024-03-05\"")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Broken_meta_json_is_refused_naming_the_meta_file(string json)
    {
        var path = Write("r3.txt", "Drones hit the port.");
        Write("r3.meta.json", json);
        var e = Fails(path);
        Assert.EndsWith("r3.meta.json", e.Path);
        Assert.Contains("broken JSON", e.Problem);
    }

    [Fact]
    public void Meta_that_is_not_an_object_is_refused()
    {
        var path = Write("r4.txt", "Drones hit the port.");
        Write("r4.meta.json", "[1, 2]");
        Assert.Contains("one JSON object", Fails(path).Problem);
    }

    [Fact]
    public void Meta_fields_of_the_wrong_type_are_ignored_with_a_warning_naming_file_and_field()
    {
        var path = Write("r5.txt", "Drones hit the port.");
        Write("r5.meta.json", """{"published": null, "source": 7, "title": ["x"], "url": {"a": 1}}""");
        var warnings = new List<string>();
        Assert.Equal(DocumentMeta.Empty, DocumentReader.Read(path, warn: warnings.Add).Meta);
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("r5.meta.json", w));
        Assert.Contains(warnings, w => w.Contains("'source'") && w.Contains("a number"));
        Assert.Contains(warnings, w => w.Contains("'title'") && w.Contains("a list"));
        Assert.Contains(warnings, w => w.Contains("'url'") && w.Contains("an object"));
    }

    [Fact]
    public void A_sidecar_string_with_a_lone_surrogate_is_ignored_with_a_warning()
    {
        var path = Write("r7.txt", "Drones hit the port.");
        Write("r7.meta.json", """{"published": "2024-03-05", "title": "bad \ud800 title"}""");
        var warnings = new List<string>();
        var meta = DocumentReader.Read(path, warn: warnings.Add).Meta;
        Assert.Equal((new DateOnly(2024, 3, 5), (string?)null), (meta.Published, meta.Title));
        Assert.Contains("'title'", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1066-10-14")]
    public void A_published_date_off_any_news_calendar_is_ignored_with_a_warning(string published)
    {
        var path = Write("r8.txt", "Drones hit the port.");
        Write("r8.meta.json", $$"""{"published": "{{published}}"}""");
        var warnings = new List<string>();
        Assert.Null(DocumentReader.Read(path, warn: warnings.Add).Meta.Published);
        Assert.Contains(published, Assert.Single(warnings));
    }

    [Fact]
    public void A_device_that_never_ends_is_refused_at_the_size_cap_after_reading_no_more_than_it()
    {
        if (!File.Exists("/dev/zero"))
            return;
        var e = Fails("/dev/zero", maxBytes: 1 << 20);
        Assert.Contains("limit", e.Problem);
    }

    [Fact]
    public void A_pipe_named_like_a_report_inside_a_folder_is_skipped_and_named()
    {
        var good = Write("in/a.txt", "Drones hit the port.");
        var pipe = Path.Combine(_dir, "in", "b.txt");
        if (!MakeFifo(pipe))
            return;
        var errors = new List<(string Path, string Problem)>();
        var found = DocumentReader.Expand([Path.Combine(_dir, "in")], (p, problem) => errors.Add((p, problem))).ToList();
        Assert.Equal([good], found);
        var error = Assert.Single(errors);
        Assert.Equal(pipe, error.Path);
        Assert.Contains("not a regular file", error.Problem);
    }

    [Fact]
    public void A_link_loop_is_walked_once_and_each_real_file_is_given_once()
    {
        var report = Write("tree/a.txt", "Drones hit the port.");
        Directory.CreateDirectory(Path.Combine(_dir, "tree", "sub"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "tree", "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_dir, "tree", "sub", "alias.txt"), report);
        var errors = new List<string>();
        var found = DocumentReader.Expand([Path.Combine(_dir, "tree"), report], (p, problem) => errors.Add(p)).ToList();
        Assert.Equal([report], found);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_sidecar_that_is_a_pipe_is_ignored_with_a_warning_not_waited_on()
    {
        var path = Write("r9.txt", "Drones hit the port.");
        if (!MakeFifo(Path.Combine(_dir, "r9.meta.json")))
            return;
        var warnings = new List<string>();
        Assert.Equal(DocumentMeta.Empty, DocumentReader.Read(path, warn: warnings.Add).Meta);
        Assert.Contains("r9.meta.json", Assert.Single(warnings));
    }

    private static bool MakeFifo(string path)
    {
        if (OperatingSystem.IsWindows())
            return false;
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0;
    }

    [Fact]
    public void Html_nested_past_the_depth_limit_is_refused_before_parsing()
    {
        var depth = HtmlText.MaxDepth + 1;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "Drones hit the port." + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var e = Fails(Write("deep.html", html));
        Assert.Contains("nests", e.Problem);
    }

    [Theory]
    [InlineData("<p>One<p>Two<p>Three", 0)]
    [InlineData("<div><div><span>x</span></div></div>", 3)]
    [InlineData("<div><br><img src=x><input/></div>", 1)]
    [InlineData("<ul><li>a<li>b<li>c</ul>", 1)]
    [InlineData("<div><script>if (a < b) { '<div><div><div>' }</script></div>", 2)]
    [InlineData("<div><!-- <div><div> --></div>", 1)]
    [InlineData("<div><<<<<<", 1)]
    public void Nesting_depth_counts_only_elements_that_hold_others(string html, int depth) =>
        Assert.Equal(depth, HtmlText.NestingDepth(html));

    [Fact]
    public void Html_nested_to_the_depth_limit_is_read()
    {
        var depth = HtmlText.MaxDepth - 2;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "Drones hit the port." + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        Assert.Equal("Drones hit the port.", DocumentReader.Read(Write("deep-ok.html", html)).Text);
    }

    [Fact]
    public void A_published_override_wins_over_the_meta()
    {
        var path = Write("r6.txt", "Drones hit the port.");
        Write("r6.meta.json", """{"published": "2024-03-05", "source": "Sample Wire"}""");
        var meta = DocumentReader.Read(path, new DateOnly(2023, 1, 2)).Meta;
        Assert.Equal((new DateOnly(2023, 1, 2), "Sample Wire"), (meta.Published, meta.Source));
    }

    [Fact]
    public void The_content_hash_is_stable_and_changes_with_text_or_meta()
    {
        var path = Write("h.txt", "Drones hit the port.");
        var first = DocumentReader.Read(path).ContentHash;
        Assert.Equal(first, DocumentReader.Read(path).ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first);

        var copy = Write("sub/h.txt", "Drones hit the port.");
        Assert.Equal(first, DocumentReader.Read(copy).ContentHash);

        Write("h.meta.json", """{"published": "2024-03-05"}""");
        var withMeta = DocumentReader.Read(path).ContentHash;
        Assert.NotEqual(first, withMeta);

        File.WriteAllText(path, "Drones hit the harbour.");
        Assert.NotEqual(withMeta, DocumentReader.Read(path).ContentHash);
    }

    [Fact]
    public void The_content_hash_ignores_a_byte_order_mark()
    {
        var plain = Write("a.txt", "Drones hit the port.");
        var bom = WriteBytes("b.txt", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Drones hit the port.")).ToArray());
        Assert.Equal(DocumentReader.Read(plain).ContentHash, DocumentReader.Read(bom).ContentHash);
    }

    private const string Page = """
        <!DOCTYPE html>
        <html>
        <head><title>Port hit | Sample Wire</title><script>var tracking = "Russian drones everywhere";</script><style>p { color: red; }</style></head>
        <body>
        <nav><a href="/">Home</a> <a href="/world">World news</a></nav>
        <header>Sample Wire header banner</header>
        <article>
          <h1>Drones hit river port</h1>
          <p>Russian drones hit a grain   terminal
             overnight, the governor said.</p>
          <figure><img src="x.jpg"><figcaption>Smoke over the port. Photo by Jane Doe</figcaption></figure>
          <p>Two barges sank.<br>No one was hurt.</p>
          <aside>Most read: something else</aside>
          <form><button>Subscribe</button></form>
        </article>
        <footer>Copyright Sample Wire</footer>
        </body>
        </html>
        """;

    [Fact]
    public void Html_main_text_keeps_the_article_one_line_per_block()
    {
        var doc = DocumentReader.Read(Write("page.html", Page));
        Assert.Equal("Drones hit river port\nRussian drones hit a grain terminal overnight, the governor said.\nTwo barges sank.\nNo one was hurt.", doc.Text);
    }

    [Fact]
    public void A_page_read_after_a_longer_one_keeps_only_its_own_text()
    {
        // Pages share one builder and one buffer per thread: nothing of the longer page may show.
        var longer = "<html><body><article>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>  Shelling hit district {i}.\r\n </p>")) + "</article></body></html>";
        Assert.StartsWith("Shelling hit district 0.\nShelling hit district 1.\n", DocumentReader.Read(Write("long.html", longer)).Text);
        var doc = DocumentReader.Read(Write("page.html", Page));
        Assert.Equal("Drones hit river port\nRussian drones hit a grain terminal overnight, the governor said.\nTwo barges sank.\nNo one was hurt.", doc.Text);
    }

    [Theory]
    [InlineData("tracking")]
    [InlineData("color")]
    [InlineData("World news")]
    [InlineData("header banner")]
    [InlineData("Photo by")]
    [InlineData("Most read")]
    [InlineData("Subscribe")]
    [InlineData("Copyright")]
    public void Html_scripts_navigation_and_furniture_are_stripped(string furniture) =>
        Assert.DoesNotContain(furniture, DocumentReader.Read(Write("page.htm", Page)).Text);

    [Fact]
    public void Html_without_an_article_uses_the_body_and_adds_the_title_when_the_body_lacks_it()
    {
        const string html = "<html><head><title>Strike on depot</title></head><body><div>Artillery hit a depot.</div><script>x()</script></body></html>";
        var doc = DocumentReader.Read(Write("nobody.html", html));
        Assert.Equal("Strike on depot\nArtillery hit a depot.", doc.Text);
    }

    [Fact]
    public void Html_entities_are_decoded()
    {
        const string html = "<html><body><p>Kyiv&rsquo;s mayor &amp; the governor met.</p></body></html>";
        Assert.Equal("Kyiv\u2019s mayor & the governor met.", DocumentReader.Read(Write("ent.html", html)).Text);
    }

    [Fact]
    public void Html_inline_tags_do_not_break_or_glue_words()
    {
        const string html = "<html><body><main><p>Drones <b>hit</b> the <a href=\"/port\">port</a>.</p><ul><li>One barge sank.</li><li>Two crew were hurt.</li></ul></main></body></html>";
        Assert.Equal("Drones hit the port.\nOne barge sank.\nTwo crew were hurt.", DocumentReader.Read(Write("inline.html", html)).Text);
    }

    [Fact]
    public void Html_with_a_byte_order_mark_is_read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<html><body><p>Drones hit the port.</p></body></html>")).ToArray();
        Assert.Equal("Drones hit the port.", DocumentReader.Read(WriteBytes("bom.html", bytes)).Text);
    }

    [Fact]
    public void Html_with_no_readable_text_is_refused()
    {
        const string html = "<html><body><nav>Home</nav><script>x()</script></body></html>";
        Assert.Contains("no readable text", Fails(Write("empty.html", html)).Problem);
    }

    [Fact]
    public void A_txt_file_holding_markup_is_read_as_plain_text()
    {
        const string text = "<p>Drones hit the port.</p>";
        Assert.Equal(text, DocumentReader.Read(Write("markup.txt", text)).Text);
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("a.HTML", true)]
    [InlineData("a.htm", true)]
    [InlineData("a.meta.json", false)]
    [InlineData("a.pdf", false)]
    [InlineData("txt", false)]
    public void Reports_are_recognised_by_extension(string path, bool report) =>
        Assert.Equal(report, DocumentReader.IsReport(path));

    [Fact]
    public void Expand_walks_folders_in_ordinal_order_and_reports_missing_paths()
    {
        var b = Write("in/b.txt", "B.");
        var a = Write("in/A.html", "<p>A.</p>");
        var nested = Write("in/sub/c.htm", "<p>C.</p>");
        Write("in/b.meta.json", "{}");
        Write("in/notes.md", "x");
        var single = Write("single.txt", "S.");
        var missing = Path.Combine(_dir, "missing");
        var errors = new List<(string, string)>();

        var paths = DocumentReader.Expand([single, missing, Path.Combine(_dir, "in")], (p, e) => errors.Add((p, e))).ToList();

        Assert.Equal(new[] { single, a, b, nested }, paths);
        Assert.Equal(new[] { (missing, "no such file or folder") }, errors);
    }

    [Fact]
    public void Expand_keeps_an_explicitly_named_file_whatever_its_extension()
    {
        var path = Write("report.md", "x");
        Assert.Equal(new[] { path }, DocumentReader.Expand([path], (_, _) => Assert.Fail("no error expected")));
    }
}
