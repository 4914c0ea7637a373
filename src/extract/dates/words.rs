//! The word lists of the date rules, read from `data/words/dates.tsv`.
//!
//! Lists are short and asked about at every cue word, so each is a slice
//! scanned in order: comparing a few lengths costs less than hashing the
//! key (and is what the `match` on literals they replace did).

use super::tense::Direction;
use crate::lexicon::lists::{ListFile, ListRow, WordList, WordMap};
use crate::lexicon::{Calendar, LexiconError};

/// One folded word, named by its role in a rule.
#[derive(Debug, Default)]
pub(super) struct Word(Box<str>);

impl Word {
    /// Whether the folded `key` is this word.
    #[inline]
    pub(super) fn is(&self, key: &str) -> bool {
        same(&self.0, key)
    }

    /// Whether the folded `key` ends with this word (`بالشهر`).
    #[inline]
    pub(super) fn ends(&self, key: &str) -> bool {
        key.ends_with(&*self.0)
    }
}

/// `word == key`, with the cheap tests first: lengths, then the second and
/// last bytes (an Arabic letter's first byte is nearly always the same), so
/// that most unequal keys never reach the byte compare.
#[inline]
fn same(word: &str, key: &str) -> bool {
    let (w, k) = (word.as_bytes(), key.as_bytes());
    w.len() == k.len() && (w.len() < 2 || (w[1] == k[1] && w[w.len() - 1] == k[k.len() - 1])) && w == k
}

/// A section whose words each carry a value in their second column, read
/// by `value` (a bad or missing value is a load error).
fn map_of<T: Copy>(file: &'static str, rows: Vec<ListRow>, value: impl Fn(&str) -> Option<T>) -> Result<WordMap<T>, LexiconError> {
    let pairs = rows
        .iter()
        .map(|r| r.fields.first().and_then(|f| value(f)).map(|v| (r.key.as_str(), v)).ok_or_else(|| bad_row(file, r)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(WordMap::new(pairs))
}

fn bad_row(file: &'static str, row: &ListRow) -> LexiconError {
    LexiconError { file, line: row.line, problem: format!("a bad or missing second column: {:?}", row.fields) }
}

/// Single words the rules name by role (section `roles`).
#[derive(Debug, Default)]
pub(super) struct Roles {
    pub(super) from: Word,
    pub(super) in_: Word,
    pub(super) between: Word,
    pub(super) what: Word,
    pub(super) and: Word,
    pub(super) of_it: Word,
    pub(super) day: Word,
    pub(super) month: Word,
    pub(super) the_month: Word,
    pub(super) week: Word,
    pub(super) now: Word,
    pub(super) the_first: Word,
    pub(super) first: Word,
    pub(super) yesterday: Word,
    pub(super) today: Word,
    pub(super) this: Word,
    pub(super) after: Word,
}

impl Roles {
    fn of(file: &'static str, rows: Vec<ListRow>) -> Result<Self, LexiconError> {
        let mut r = Roles::default();
        for row in rows {
            let slot = match row.fields.first().map(String::as_str) {
                Some("from") => &mut r.from,
                Some("in") => &mut r.in_,
                Some("between") => &mut r.between,
                Some("what") => &mut r.what,
                Some("and") => &mut r.and,
                Some("of_it") => &mut r.of_it,
                Some("day") => &mut r.day,
                Some("month") => &mut r.month,
                Some("the_month") => &mut r.the_month,
                Some("week") => &mut r.week,
                Some("now") => &mut r.now,
                Some("the_first") => &mut r.the_first,
                Some("first") => &mut r.first,
                Some("yesterday") => &mut r.yesterday,
                Some("today") => &mut r.today,
                Some("this") => &mut r.this,
                Some("after") => &mut r.after,
                _ => return Err(bad_row(file, &row)),
            };
            *slot = Word(row.key.into_boxed_str());
        }
        let all = [&r.from, &r.in_, &r.between, &r.what, &r.and, &r.of_it, &r.day, &r.month, &r.the_month, &r.week, &r.now, &r.the_first, &r.first, &r.yesterday, &r.today, &r.this, &r.after];
        if all.iter().any(|w| w.0.is_empty()) {
            return Err(LexiconError { file, line: 0, problem: "a role of section \"roles\" has no word".into() });
        }
        Ok(r)
    }
}

/// The word lists of these rules (`data/words/dates.tsv`); see each
/// section's comment there.
#[derive(Debug)]
pub struct Words {
    pub(super) roles: Roles,
    pub(super) this: WordList,
    pub(super) range_openers: WordList,
    pub(super) month_openers: WordList,
    pub(super) month_cues: WordList,
    pub(super) relative_words: WordList,
    pub(super) period_openers: WordList,
    pub(super) period_parts: WordList,
    pub(super) period_units: WordMap<char>,
    pub(super) year_words: WordList,
    pub(super) the_year_words: WordList,
    pub(super) general_or_year: WordList,
    pub(super) former: WordList,
    pub(super) not_calendar_year: WordList,
    pub(super) year_openers: WordList,
    pub(super) year_cues_in_text: WordList,
    pub(super) year_cues: WordList,
    pub(super) not_year_before: WordList,
    pub(super) clause_openers: WordList,
    pub(super) same_day: WordList,
    pub(super) not_story_year_after: WordList,
    pub(super) not_before_ago: WordList,
    pub(super) per_day_counts: WordList,
    pub(super) dates_back_verbs: WordList,
    pub(super) dates_back_to: WordList,
    pub(super) bare_year_nouns: WordList,
    pub(super) calendar_markers: WordMap<Calendar>,
    pub(super) modifiers: WordMap<Direction>,
    pub(super) week_modifiers: WordMap<i64>,
    pub(super) day_range_joiners: WordList,
    pub(super) month_range_joiners: WordList,
    pub(super) day_after_month_joiners: WordList,
    pub(super) day_month_cues: WordList,
    pub(super) hijri_month_epithets: WordList,
    pub(super) relative_pronouns: WordList,
    pub(super) past_day_modifiers: WordList,
    pub(super) tomorrow_nouns: WordList,
    pub(super) tomorrow_cues: WordList,
    pub(super) yesterday: WordList,
    pub(super) yesterday_colloquial: WordList,
    pub(super) tomorrow: WordList,
    pub(super) before: WordList,
    pub(super) yesterday_after_before: WordList,
    pub(super) tomorrow_after_after: WordList,
    pub(super) offset_signs: WordMap<i64>,
    pub(super) ago: WordList,
    pub(super) holiday_epithets: WordList,
    pub(super) not_weekday_after: WordList,
    pub(super) weekday_date_links: WordList,
    pub(super) nth_before: WordMap<i32>,
    pub(super) nth_after: WordMap<i32>,
    pub(super) day_words: WordList,
    pub(super) future_words: WordList,
    pub(super) future_lookalikes: WordList,
    /// Numbers in words (`data/words/numbers.tsv`), for years and days.
    pub(crate) numbers: crate::extract::numbers::NumberWords,
}

impl Words {
    /// Whether a mention ending with `key` counts from the date before it
    /// (`25 منه`, `اليوم نفسه`), not from the reference date.
    pub(super) fn points_back(&self, key: &str) -> bool {
        self.roles.of_it.is(key) || self.same_day.contains(key)
    }

    pub fn load() -> Result<Self, LexiconError> {
        let (name, text) = crate::list_file!("words/dates.tsv");
        let mut f = ListFile::parse(name, text)?;
        let mut list = |s: &str| f.rows(s).map(|rows| WordList::of_rows(&rows));
        let w = Words {
            this: list("this")?,
            range_openers: list("range_openers")?,
            month_openers: list("month_openers")?,
            month_cues: list("month_cues")?,
            relative_words: list("relative_words")?,
            period_openers: list("period_openers")?,
            period_parts: list("period_parts")?,
            year_words: list("year_words")?,
            the_year_words: list("the_year_words")?,
            general_or_year: list("general_or_year")?,
            former: list("former")?,
            not_calendar_year: list("not_calendar_year")?,
            year_openers: list("year_openers")?,
            year_cues_in_text: list("year_cues_in_text")?,
            year_cues: list("year_cues")?,
            not_year_before: list("not_year_before")?,
            clause_openers: list("clause_openers")?,
            same_day: list("same_day")?,
            not_story_year_after: list("not_story_year_after")?,
            not_before_ago: list("not_before_ago")?,
            per_day_counts: list("per_day_counts")?,
            dates_back_verbs: list("dates_back_verbs")?,
            dates_back_to: list("dates_back_to")?,
            bare_year_nouns: list("bare_year_nouns")?,
            day_range_joiners: list("day_range_joiners")?,
            month_range_joiners: list("month_range_joiners")?,
            day_after_month_joiners: list("day_after_month_joiners")?,
            day_month_cues: list("day_month_cues")?,
            hijri_month_epithets: list("hijri_month_epithets")?,
            relative_pronouns: list("relative_pronouns")?,
            past_day_modifiers: list("past_day_modifiers")?,
            tomorrow_nouns: list("tomorrow_nouns")?,
            tomorrow_cues: list("tomorrow_cues")?,
            yesterday: list("yesterday")?,
            yesterday_colloquial: list("yesterday_colloquial")?,
            tomorrow: list("tomorrow")?,
            before: list("before")?,
            yesterday_after_before: list("yesterday_after_before")?,
            tomorrow_after_after: list("tomorrow_after_after")?,
            ago: list("ago")?,
            holiday_epithets: list("holiday_epithets")?,
            not_weekday_after: list("not_weekday_after")?,
            weekday_date_links: list("weekday_date_links")?,
            day_words: list("day_words")?,
            future_words: list("future_words")?,
            future_lookalikes: list("future_lookalikes")?,
            numbers: crate::extract::numbers::NumberWords::load()?,
            roles: Roles::default(),
            period_units: WordMap::default(),
            calendar_markers: WordMap::default(),
            modifiers: WordMap::default(),
            week_modifiers: WordMap::default(),
            offset_signs: WordMap::default(),
            nth_before: WordMap::default(),
            nth_after: WordMap::default(),
        };
        let mut w = w;
        w.roles = Roles::of(name, f.rows("roles")?)?;
        w.period_units = map_of(name, f.rows("period_units")?, |v| v.parse().ok())?;
        w.calendar_markers = map_of(name, f.rows("calendar_markers")?, |v| match v {
            "hijri" => Some(Calendar::Hijri),
            "gregorian" => Some(Calendar::Gregorian),
            _ => None,
        })?;
        w.modifiers = map_of(name, f.rows("modifiers")?, |v| match v {
            "past" => Some(Direction::Past),
            "future" => Some(Direction::Future),
            "current" => Some(Direction::Current),
            _ => None,
        })?;
        w.week_modifiers = map_of(name, f.rows("week_modifiers")?, |v| v.parse().ok())?;
        w.offset_signs = map_of(name, f.rows("offset_signs")?, |v| v.parse().ok())?;
        w.nth_before = map_of(name, f.rows("nth_before")?, |v| v.parse().ok())?;
        w.nth_after = map_of(name, f.rows("nth_after")?, |v| v.parse().ok())?;
        f.finish()?;
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &WordList) -> Vec<&str> {
        list.iter().collect()
    }

    fn keys<T: Copy>(map: &WordMap<T>) -> Vec<&str> {
        map.words().collect()
    }

    /// The natural spellings of the data file fold to exactly the folded
    /// literals the rules held in code before (in the same order).
    #[test]
    fn sections_fold_to_the_literals_the_code_had() {
        let w = Words::load().unwrap();
        let lists: &[(&WordList, &str)] = &[
            (&w.this, "هذا هذه"),
            (&w.range_openers, "من بين ما"),
            (&w.month_openers, "شهر وشهر شهري"),
            (&w.month_cues, "شهر شهري في هذا منذ خلال مطلع اواخر نهايه بدايه منتصف حتي قبل بعد اواسط"),
            (&w.relative_words, "اليوم يوم الغد غد امس الامس البارحه امبارح مبارح غدا بكره بكرا اول قبل القبل بعد"),
            (&w.period_openers, "هذا هذه مطلع بدايه منتصف نهايه اواخر اواسط مستهل اول العام السنه الشهر"),
            (&w.period_parts, "مطلع بدايه منتصف نهايه اواخر اواسط مستهل اول"),
            (&w.year_words, "عام العام سنه السنه"),
            (&w.the_year_words, "العام السنه"),
            (&w.general_or_year, "العام عام"),
            (&w.former, "السابق السابقه"),
            (&w.not_calendar_year, "الدراسي الدراسيه المالي الماليه الجامعي الاكاديمي التدريبي"),
            (&w.year_openers, "عام العام سنه السنه في موسم عامي العامين السنتين"),
            (&w.year_cues_in_text, "عام العام سنه السنه موسم عامي العامين السنتين"),
            (&w.year_cues, "في وفي منذ حتي مونديال بطوله كاس نسخه دوره قبل بعد خلال مطلع اواخر نهايه بدايه منتصف ربيع صيف خريف شتاء اولمبياد"),
            (&w.not_year_before, "رقم القرار قرار بالقرار والقرار المرسوم مرسوم القانون قانون"),
            (&w.bare_year_nouns, "عام سنه عامي"),
            (&w.day_range_joiners, "الي حتي و وحتي"),
            (&w.month_range_joiners, "الي حتي وحتي"),
            (&w.day_after_month_joiners, "الي حتي"),
            (&w.day_month_cues, "في يوم بتاريخ تاريخ حتي منذ"),
            (&w.hijri_month_epithets, "المبارك الكريم الحرام"),
            (&w.relative_pronouns, "الذي الي"),
            (&w.past_day_modifiers, "الماضي المنصرم"),
            (&w.tomorrow_nouns, "الغد غد"),
            (&w.tomorrow_cues, "في حتي يوم"),
            (&w.yesterday, "امس الامس"),
            (&w.yesterday_colloquial, "البارحه امبارح مبارح"),
            (&w.tomorrow, "غدا بكره بكرا"),
            (&w.before, "قبل القبل"),
            (&w.yesterday_after_before, "امس الامس البارحه امبارح"),
            (&w.tomorrow_after_after, "غد الغد بكره بكرا"),
            (&w.ago, "مضت مضي خلت"),
            (&w.holiday_epithets, "الجديده المجيد"),
            (&w.not_weekday_after, "صلاه خطبه خطيب كل بين وبين"),
            (&w.weekday_date_links, "الموافق في الموافقه"),
            (&w.day_words, "اليوم امس غدا غد البارحه يوم منه"),
            (&w.future_words, "سوف المقرر المنتظر المرتقب يعتزم تعتزم يعتزمون"),
            (&w.future_lookalikes, "سيا سيط سيد سير سين ستا ستو سيف سيج ستر سنو سنه سنت ساع سال سام ساح سان"),
        ];
        for (list, literals) in lists {
            assert_eq!(words(list), literals.split(' ').collect::<Vec<_>>());
        }
        assert_eq!(keys(&w.calendar_markers), ["ه", "هجري", "هجريه", "للهجره", "م", "ميلادي", "ميلاديه", "للميلاد"]);
        let modifiers = "الماضي الماضيه المنصرم المنصرمه الفايت الفايته السابق السابقه الماضيين المقبل المقبله القادم القادمه المقبلين القادمين التالي التاليه اللاحق الجاري الجاريه الحالي الحاليه";
        assert_eq!(keys(&w.modifiers), modifiers.split(' ').collect::<Vec<_>>());
        assert_eq!(keys(&w.week_modifiers), ["الماضي", "الفايت", "المنصرم", "السابق", "الحالي", "الجاري", "المقبل", "القادم", "التالي"]);
        assert_eq!(keys(&w.nth_before), ["اول", "ثاني", "ثان", "ثالث", "رابع", "خامس", "اخر"]);
        let after = "الاول الاولي الثاني الثانيه الثالث الثالثه الرابع الرابعه الخامس الخامسه الاخير الاخيره";
        assert_eq!(keys(&w.nth_after), after.split(' ').collect::<Vec<_>>());
        assert_eq!(keys(&w.period_units), ["العام", "السنه", "الشهر"]);
        assert_eq!(keys(&w.offset_signs), ["قبل", "بعد"]);
        let r = &w.roles;
        let roles = [&r.from, &r.in_, &r.between, &r.what, &r.and, &r.of_it, &r.day, &r.month, &r.the_month, &r.week, &r.now, &r.the_first, &r.first, &r.yesterday, &r.today, &r.this, &r.after];
        let folded = "من في بين ما و منه يوم شهر الشهر الاسبوع الان الاول اول امس اليوم هذا بعد";
        assert_eq!(roles.iter().map(|w| &*w.0).collect::<Vec<_>>(), folded.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn values_are_read_from_the_columns() {
        let w = Words::load().unwrap();
        assert_eq!(w.modifiers.get("المقبله"), Some(Direction::Future));
        assert_eq!(w.calendar_markers.get("ه"), Some(Calendar::Hijri));
        assert_eq!(w.nth_after.get("الاخيره"), Some(-1));
        assert_eq!(w.period_units.get("الشهر"), Some('m'));
        assert!(w.month_cues.contains("حتي") && !w.month_cues.contains("حتى"));
    }
}
