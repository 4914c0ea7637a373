//! Texts with more speakers and bodies than the point where khabar looks
//! them up by indexes instead of scanning them all (64): the answers must
//! be the ones the scan gives on a short text, for every speaker.

use khabar::{Analyzer, Options, Workspace};

/// A distinct Arabic-letter word for each `i` (base-24 digits).
fn word(mut i: usize, prefix: &str) -> String {
    const LETTERS: &[char] = &['ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن'];
    let mut out = prefix.to_string();
    loop {
        out.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
        if i == 0 {
            return out;
        }
    }
}

/// Person `i`: a full name once, then the family name alone twice, the
/// second time after seven other people have spoken.
fn people_text(n: usize) -> String {
    (0..n)
        .map(|i| {
            let back = word(i.saturating_sub(7), "كور");
            format!("وقال الوزير سامر {f} إن الوضع مستقر. وأضاف {f} أن العمل مستمر. وأكد {back} أن الخطة جاهزة.\n", f = word(i, "كور"))
        })
        .collect()
}

fn speakers_of_quotes(text: &str) -> Vec<Option<String>> {
    let analyzer = Analyzer::new().unwrap();
    let record = analyzer.analyze(&mut Workspace::default(), text, &Options::default());
    record.quotes.into_iter().map(|q| q.speaker).collect()
}

#[test]
fn family_names_link_to_full_names_past_the_index_threshold() {
    for n in [20, 150] {
        let speakers = speakers_of_quotes(&people_text(n));
        assert_eq!(speakers.len(), 3 * n, "{n} people");
        for i in 0..n {
            let full = |j: usize| Some(format!("سامر {}", word(j, "كور")));
            assert_eq!(speakers[3 * i], full(i), "{n} people, person {i}");
            assert_eq!(speakers[3 * i + 1], full(i), "{n} people, person {i}, by family name");
            assert_eq!(speakers[3 * i + 2], full(i.saturating_sub(7)), "{n} people, person {i}, the one seven back");
        }
    }
}

#[test]
fn bodies_and_their_definite_heads_past_the_index_threshold() {
    let text: String = (0..150)
        .map(|i| format!("وقالت وزارة ال{} إن الوضع مستقر. وقالت هيئة ال{} إن الخطة جاهزة.\n", word(i, "شا"), word(i, "نا")))
        .collect();
    let speakers = speakers_of_quotes(&text);
    assert_eq!(speakers.len(), 300);
    for i in 0..150 {
        assert_eq!(speakers[2 * i].as_deref(), Some(format!("وزارة ال{}", word(i, "شا")).as_str()), "body {i}");
        assert_eq!(speakers[2 * i + 1].as_deref(), Some(format!("هيئة ال{}", word(i, "نا")).as_str()), "body {i}");
    }
}
