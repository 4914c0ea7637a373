//! The word lists of the date rules.


// The word lists below are matched on folded keys (a `match` on the
// string compares lengths first, where a list scan compares every entry).

/// Words that make a following number a year.
pub(super) fn is_year_cue(key: &str) -> bool {
    is_year_cue_in_text(key)
        || matches!(
            key,
            "في" | "منذ" | "حتي" | "مونديال" | "بطوله" | "كاس" | "نسخه" | "دوره" | "قبل" | "بعد" | "خلال" | "مطلع" | "اوائل" | "اواخر" | "نهايه"
                | "بدايه" | "منتصف" | "ربيع" | "صيف" | "خريف" | "شتاء" | "اولمبياد"
        )
}

/// Of those, the ones that are part of the date's text.
pub(super) fn is_year_cue_in_text(key: &str) -> bool {
    matches!(key, "عام" | "العام" | "سنه" | "السنه" | "موسم" | "عامي")
}

/// Words before a month name that show it is one (`في مايو`, `شهر مايو`).
pub(super) fn is_month_cue(key: &str) -> bool {
    matches!(
        key,
        "شهر" | "شهري" | "في" | "هذا" | "منذ" | "خلال" | "مطلع" | "اوائل" | "اواخر" | "نهايه" | "بدايه" | "منتصف" | "حتي" | "قبل" | "بعد" | "اواسط"
    )
}

/// Words before a four-digit number that make it anything but a year.
pub(super) fn is_not_year_before(key: &str) -> bool {
    matches!(key, "رقم" | "القرار" | "قرار" | "بالقرار" | "والقرار" | "المرسوم" | "مرسوم" | "القانون" | "قانون")
}

/// The word lists of these rules (`data/words/dates.tsv`).
#[derive(Debug)]
pub struct Words {}

impl Words {
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/dates.tsv");
        let file = crate::lexicon::lists::ListFile::parse(name, text)?;
        file.finish()?;
        Ok(Words {})
    }
}
