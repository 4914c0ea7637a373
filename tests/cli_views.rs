//! The views for people (issue #19): `--format html` and `--format text`,
//! run through the built binary on files, folders and standard input.
//! (The report is also checked in a real browser by scripts/check_report.py,
//! which `.ci/run` runs; these tests need no browser.)

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

fn khabar() -> Command {
    Command::cargo_bin("khabar").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// An article of our own with markup and an ampersand in it, a quote
/// holding some of it, and a date.
const HOSTILE: &str = "العنوان <b>عريض</b> & طويل\n\n\
عمّان - بترا\n\
أعلنت الشركة أمس الاثنين عن برنامج جديد <script>document.title='x';alert(1)</script> للتدريب.\n\
وقال مدير البرنامج خالد منصور إن \"الدورات <img src=x onerror=alert(2)> ستبدأ & تستمر شهرا\".\n";

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#13;", "\r").replace("&amp;", "&")
}

/// Each marked item's text and where it starts, by `data-k`.
type Marks = BTreeMap<String, (String, usize)>;

/// The article blocks of a page: for each, its text (tags removed,
/// references read) and the text of each `data-k` mark, its fragments
/// joined, with where it starts (in code points of the article's text).
fn articles(page: &str) -> Vec<(String, Marks)> {
    let mut out = Vec::new();
    for block in page.split("<div class=\"text\" lang=\"ar\" dir=\"rtl\">").skip(1) {
        let block = &block[..block.find("</div>").expect("the text block ends")];
        let (mut text, mut marks) = (String::new(), Marks::new());
        let mut open: Vec<Option<String>> = Vec::new();
        let mut rest = block;
        while !rest.is_empty() {
            let next = rest.find('<').unwrap_or(rest.len());
            let piece = unescape(&rest[..next]);
            for k in open.iter().flatten() {
                marks.get_mut(k).unwrap().0.push_str(&piece);
            }
            text.push_str(&piece);
            rest = &rest[next..];
            if rest.is_empty() {
                break;
            }
            let end = rest.find('>').expect("a tag ends") + 1;
            let tag = &rest[..end];
            if tag.starts_with("</") {
                open.pop().expect("a closing tag closes an open one");
            } else {
                assert!(tag.starts_with("<mark "), "only marks inside the text: {tag}");
                let k = tag.split("data-k=\"").nth(1).map(|r| r[..r.find('"').unwrap()].to_string());
                if let Some(k) = &k {
                    let at = text.chars().count();
                    marks.entry(k.clone()).or_insert((String::new(), at));
                }
                open.push(k);
            }
            rest = &rest[end..];
        }
        assert!(open.is_empty(), "every mark is closed");
        out.push((text, marks));
    }
    out
}

/// What the marks must show: `data-k` → (text, start) of every item.
fn expected(record: &Value, text: &str) -> Marks {
    let chars: Vec<char> = text.chars().collect();
    let span = |v: &Value| (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
    let mut items = BTreeMap::new();
    if !record["source"].is_null() {
        items.insert("src".to_string(), (record["source"]["name"].as_str().unwrap().to_string(), span(&record["source"]["span"]).0));
    }
    for (what, key) in [("quotes", "q"), ("dates", "d")] {
        for (i, item) in record[what].as_array().unwrap().iter().enumerate() {
            items.insert(format!("{key}{}", i + 1), (item["text"].as_str().unwrap().to_string(), span(&item["span"]).0));
        }
    }
    for (i, e) in record["entities"].as_array().unwrap().iter().enumerate() {
        for (j, m) in e["mentions"].as_array().unwrap().iter().enumerate() {
            let (s, end) = span(m);
            items.insert(format!("e{}m{}", i + 1, j + 1), (chars[s..end].iter().collect(), s));
        }
    }
    items
}

/// The marks of record items (not the cues and speakers the report finds).
fn item_marks(marks: &Marks) -> Marks {
    marks.iter().filter(|(k, _)| !k.starts_with("cue") && !k.starts_with("who")).map(|(k, v)| (k.clone(), v.clone())).collect()
}

#[test]
fn article_text_is_escaped_and_no_markup_of_it_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    fs::write(&path, HOSTILE).unwrap();
    let page = stdout(khabar().args(["--format", "html"]).arg(&path));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), "{}", &page[..80]);
    assert_eq!(page.matches("<script").count(), 1, "only the report's own script");
    assert!(!page.contains("<img") && !page.contains("<b>"), "the article's markup is text");
    assert!(page.contains("&lt;script&gt;document.title=&#39;x&#39;;alert(1)&lt;/script&gt;"));
    assert!(page.contains("<title>العنوان &lt;b&gt;عريض&lt;/b&gt; &amp; طويل</title>"), "the headline is the title, escaped");
    let texts = articles(&page);
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].0, HOSTILE, "the page's text is the article's, character for character");
}

#[test]
fn every_record_item_is_marked_once_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.txt");
    fs::write(&hostile, HOSTILE).unwrap();
    for (path, date) in [(fixture("lavrov-astana.txt"), Some("2017-06-19")), (hostile.display().to_string(), None)] {
        let text = fs::read_to_string(&path).unwrap();
        let args = |format: &str| {
            let mut a = vec!["--format".to_string(), format.to_string(), path.clone()];
            if let Some(d) = date {
                a.extend(["--reference-date".to_string(), d.to_string()]);
            }
            a
        };
        let record: Value = serde_json::from_str(&stdout(khabar().args(args("json")))).unwrap();
        let page = stdout(khabar().args(args("html")));
        let (shown, marks) = articles(&page).remove(0);
        assert_eq!(shown, text);
        let want = expected(&record, &text);
        assert!(want.len() >= 5, "{path}: too few items to test: {want:?}");
        assert_eq!(item_marks(&marks), want, "{path}");
        // each quote found its cue in these articles
        let quotes = record["quotes"].as_array().unwrap().len();
        assert_eq!(marks.keys().filter(|k| k.starts_with("cue")).count(), quotes, "{path}");
        assert_eq!(page.matches("title=\"").count(), page.matches("<mark ").count(), "{path}: every mark has a title");
    }
}

#[test]
fn a_folder_is_one_page_with_an_entry_per_article_in_order() {
    let page = stdout(khabar().args(["--format", "html", &fixture("articles"), &fixture("report")]));
    let entries: Vec<&str> = page.split("<details class=\"entry\"><summary>").skip(1).collect();
    let names = ["01-ministry.txt", "02-talks.txt", "crlf-lines.txt", "script-in-text.txt"];
    assert_eq!(entries.len(), names.len());
    for (entry, name) in entries.iter().zip(names) {
        let summary = &entry[..entry.find("</summary>").unwrap()];
        assert!(summary.contains(name), "{summary}");
    }
    assert!(page.contains("<p>4 entries.</p></footer>\n</body>\n</html>\n"), "{}", &page[page.len() - 200..]);
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("<script").count(), 1);
    let shown = articles(&page);
    assert_eq!(shown[2].0, fs::read_to_string(fixture("report/crlf-lines.txt")).unwrap(), "CR kept (as &#13;), so spans still count it");
}

#[test]
fn an_empty_folder_is_an_empty_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = stdout(khabar().args(["--format", "html", "--quiet"]).arg(dir.path()));
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<p>0 entries.</p>") && page.ends_with("</html>\n"), "{page}");
}

#[test]
fn standard_input_gives_a_page_and_a_summary() {
    let page = stdout(khabar().args(["--format", "html", "--reference-date", "2017-06-19"]).write_stdin(HOSTILE));
    assert!(!page.contains("<details"), "one input is one article, not an index");
    assert!(page.contains("<dt>Input</dt><dd><bdi>standard input</bdi></dd>"));
    assert!(page.contains("<dt>Reference date</dt><dd><bdi>2017-06-19</bdi></dd>"));
    assert_eq!(articles(&page)[0].0, HOSTILE);
    let text = stdout(khabar().args(["--format", "text", "--reference-date", "2017-06-19"]).write_stdin(HOSTILE));
    assert!(text.starts_with("standard input — العنوان <b>عريض</b> & طويل\n"), "{text}");
    assert!(text.contains("  reference date: 2017-06-19\n"), "{text}");
}

#[test]
fn the_text_view_lists_speakers_quotes_dates_and_entities() {
    let text = stdout(khabar().args(["--format", "text", "--reference-date", "2017-06-19", &fixture("lavrov-astana.txt")]));
    let record: Value = serde_json::from_str(&stdout(khabar().args(["--reference-date", "2017-06-19", &fixture("lavrov-astana.txt")]))).unwrap();
    assert!(text.contains("  source: سبوتنيك (Sputnik)\n"), "{text}");
    assert!(text.contains("    [1] سيرغي لافروف, وزير الخارجية الروسي — 7 quotes, main speaker\n"), "{text}");
    assert_eq!(text.matches("        Direct quote").count() + text.matches("        Indirect quote").count(), record["quotes"].as_array().unwrap().len());
    for d in record["dates"].as_array().unwrap() {
        let line = format!("    {} → {}", d["text"].as_str().unwrap(), d["value"].as_str().unwrap());
        assert!(text.contains(&line), "{line} in {text}");
    }
    assert!(text.contains("    places: روسيا (Russian Federation) ×2، "), "{text}");
    assert!(!text.contains('\x1b'), "no colour in a pipe");
}

#[test]
fn the_text_view_of_a_folder_separates_articles_and_reports_errors_inline() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), HOSTILE).unwrap();
    fs::write(dir.path().join("b.txt"), b"ab\x00cd").unwrap();
    fs::write(dir.path().join("c.txt"), HOSTILE).unwrap();
    let out = khabar().args(["--format", "text", "--errors", "inline"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let heads: Vec<&str> = text.split("\n\n").map(|entry| entry.lines().next().unwrap_or("")).collect();
    assert_eq!(heads.len(), 3, "{text}");
    assert!(heads[0].ends_with("a.txt — العنوان <b>عريض</b> & طويل") && heads[2].ends_with("c.txt — العنوان <b>عريض</b> & طويل"), "{heads:?}");
    assert!(heads[1].contains("b.txt: error: binary file"), "{heads:?}");
}

#[test]
fn control_characters_of_an_article_never_reach_the_terminal() {
    let article = "قال الوزير اليوم إن \"المحادثات \x1b[2J ستستأنف\".\n";
    let text = stdout(khabar().args(["--format", "text"]).write_stdin(article));
    assert!(!text.contains('\x1b'), "{text:?}");
    assert!(text.contains("المحادثات \u{FFFD}[2J ستستأنف"), "{text}");
}

/// Runs `khabar ARGS` on a pseudo-terminal (util-linux `script`), as a
/// person at a terminal would, and returns what it printed.
#[cfg(target_os = "linux")]
fn on_a_terminal(args: &str, no_color: Option<&str>) -> String {
    let bin = assert_cmd::cargo::cargo_bin("khabar");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{} {args} < /dev/null", bin.display()), "/dev/null"]);
    cmd.env_remove("NO_COLOR");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let out = cmd.output().expect("util-linux `script` runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_terminal_gets_the_coloured_summary_unless_no_color_is_set() {
    let path = fixture("lavrov-astana.txt");
    let coloured = on_a_terminal(&path, None);
    assert!(coloured.contains("\x1b[1;36mسيرغي لافروف\x1b[0m"), "{coloured:?}");
    assert!(coloured.contains("  speakers (1):"), "the summary is the default on a terminal: {coloured:?}");
    let plain = on_a_terminal(&path, Some("1"));
    assert!(!plain.contains('\x1b') && plain.contains("  speakers (1):"), "{plain:?}");
    // an empty NO_COLOR is no request (no-color.org)
    assert!(on_a_terminal(&path, Some("")).contains('\x1b'));
    // an explicit format is kept on a terminal
    assert!(on_a_terminal(&format!("--format json {path}"), None).starts_with("{\"file\":"));
}

#[test]
fn speakers_past_the_palette_share_a_colour_but_not_a_number() {
    let names = ["أحمد سالم", "خالد منصور", "سامي خليل", "رامي حداد", "فادي نصر", "مازن يوسف", "نبيل حمدان", "وليد شريف", "هاني فرح", "زياد بركات"];
    let article: String = names.iter().enumerate().map(|(i, n)| format!("وقال الوزير {n} إن \"الوضع مستقر في المنطقة رقم {}\".\n", i + 1)).collect();
    let page = stdout(khabar().args(["--format", "html"]).write_stdin(article));
    // the first and the ninth speaker: one colour, two numbers, which the filter matches
    assert!(page.contains("class=\"q direct s0\" data-k=\"q1\" data-s=\"1\""), "{page}");
    assert!(page.contains("class=\"q direct s0\" data-k=\"q9\" data-s=\"9\""), "{page}");
    assert!(page.contains("class=\"spk s0\" data-s=\"9\" aria-pressed=\"false\">[9] <bdi>هاني فرح</bdi>"), "{page}");
}
