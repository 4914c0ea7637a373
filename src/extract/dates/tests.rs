//! Sentence-level tests of the date patterns.


use crate::testutil::{analyze, date_values};

fn one(text: &str, reference: &str) -> Option<String> {
    let v = date_values(text, reference);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().flatten()
}

#[test]
fn levantine_and_paired_months() {
    assert_eq!(one("عقد المؤتمر في 14 شباط/فبراير 2016 في جنيف", "2016-03-01").as_deref(), Some("2016-02-14"));
    assert_eq!(one("تبدأ الدورة في 3 كانون الثاني المقبل", "2019-12-10").as_deref(), Some("2020-01-03"));
    assert_eq!(one("وصل الوفد في 9 آذار/مارس الماضي", "2019-05-10").as_deref(), Some("2019-03-09"));
    assert_eq!(one("صدر القرار يوم 21 تشرين الأول 2011", "2019-05-10").as_deref(), Some("2011-10-21"));
}

#[test]
fn egyptian_and_maghrebi_months() {
    assert_eq!(one("افتتح المعرض في 5 يونيه 2014", "2014-07-01").as_deref(), Some("2014-06-05"));
    assert_eq!(one("انطلقت الحملة يوم 12 يولية 2013", "2014-07-01").as_deref(), Some("2013-07-12"));
    assert_eq!(one("تنطلق الامتحانات في 2 جوان 2016", "2016-05-01").as_deref(), Some("2016-06-02"));
    assert_eq!(one("أعلنت النتائج في 30 جانفي 2017", "2017-02-01").as_deref(), Some("2017-01-30"));
}

#[test]
fn arabic_indic_digits() {
    assert_eq!(one("ولد الشاعر عام ١٩٤٥ في القرية", "2020-01-01").as_deref(), Some("1945"));
    assert_eq!(one("اجتمع المجلس في ١٢ نيسان ٢٠١٨", "2020-01-01").as_deref(), Some("2018-04-12"));
}

#[test]
fn relative_days_resolve_against_the_reference() {
    assert_eq!(one("وصل الرئيس أمس إلى العاصمة", "2020-03-10").as_deref(), Some("2020-03-09"));
    assert_eq!(one("تبدأ المفاوضات غدا في فيينا", "2020-03-10").as_deref(), Some("2020-03-11"));
    assert_eq!(one("صرح الوزير اليوم الثلاثاء بأن الخطة جاهزة", "2020-03-10").as_deref(), Some("2020-03-10"));
    assert_eq!(one("التقى الوفدان يوم الخميس الماضي", "2020-03-10").as_deref(), Some("2020-03-05"));
    assert_eq!(one("سيزور الوزير بغداد الأحد المقبل", "2020-03-10").as_deref(), Some("2020-03-15"));
}

#[test]
fn without_a_reference_relative_dates_are_null() {
    let r = analyze("وصل الرئيس أمس إلى العاصمة", None);
    assert_eq!(r.dates.len(), 1);
    assert_eq!(r.dates[0].value, None);
}

#[test]
fn ordinal_day_ranges() {
    assert_eq!(one("جرت الجولة في الخامس والسادس من آب/أغسطس الماضي", "2019-09-01").as_deref(), Some("2019-08-05/2019-08-06"));
}

#[test]
fn resolution_numbers_are_not_years() {
    assert!(date_values("وفق القرار 2254 الصادر عن المجلس", "2020-01-01").is_empty());
    assert!(date_values("بلغ عدد الزوار 2500 زائر", "2020-01-01").is_empty());
}

#[test]
fn durations_are_not_dates() {
    assert!(date_values("تمتد الهدنة لمدة 6 أشهر", "2020-01-01").is_empty());
}

#[test]
fn items_carry_calendar_granularity_and_anchor() {
    use crate::record::{DateCalendar, Granularity};
    let r = analyze("بدأ الموسم في 25 شوال 1436 هـ، وانتهى في أيلول 2016، وسيعقد المؤتمر غدا.", None);
    assert_eq!(r.dates.len(), 3, "{:?}", r.dates);
    assert_eq!((r.dates[0].calendar, r.dates[0].granularity), (DateCalendar::Hijri, Granularity::Day));
    assert_eq!((r.dates[1].calendar, r.dates[1].granularity), (DateCalendar::Gregorian, Granularity::Month));
    assert_eq!(r.dates[2].value, None);
    assert_eq!(r.dates[2].relative_to, Some("reference_date"));
    assert_eq!(r.dates[0].relative_to, None);
}

#[test]
fn hijri_dates_convert() {
    assert_eq!(one("أقيم الحفل مساء يوم ١٢/١٠/١٤٣٦ه في الرياض", "2015-08-01"), Some("2015-07-28".into()));
}

#[test]
fn a_range_naming_no_year_is_relative_with_or_without_a_reference() {
    for reference in [None, Some("2019-09-01")] {
        let r = analyze("عقدت الجولة في 10 و11 آب/أغسطس في جنيف", reference);
        assert_eq!(r.dates.len(), 1, "{:?}", r.dates);
        assert_eq!(r.dates[0].relative_to, Some("reference_date"), "reference {reference:?}");
        assert_eq!(r.dates[0].value.is_some(), reference.is_some());
    }
    // a range that names its years counts from nothing
    let r = analyze("ارتفع الإنتاج بين عامي 2000 و2005", Some("2019-09-01"));
    assert_eq!(r.dates[0].relative_to, None);
}

#[test]
fn the_same_day_points_back_to_the_day_last_named() {
    let r = analyze("وصل الوفد أمس، وفي اليوم نفسه التقى الرئيس", Some("2019-09-01"));
    assert_eq!(r.dates[1].value.as_deref(), Some("2019-08-31"));
    assert_eq!(r.dates[1].relative_to, Some("previous_date"));
}

#[test]
fn a_bare_year_of_another_sentence_gives_no_year_unless_it_is_the_leads() {
    // the lead's year dates the story, as a dateline would
    let r = analyze("اختتم المؤتمر لعام 2013 أعماله.\nوكان قد بدأ في السابع من أغسطس.", None);
    let values: Vec<_> = r.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, [Some("2013"), Some("2013-08-07")]);
    // a year of background further on does not
    let lead = "أعلنت اللجنة نتائج الانتخابات. وقال رئيسها إن الإقبال كان جيدا. وأضاف أن الفرز انتهى.\n";
    let r = analyze(&format!("{lead}واتهم الوزير في 2015 بالفساد.\nوخسر الائتلاف في انتخابات 9 مايو."), None);
    let values: Vec<_> = r.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, [Some("2015"), None]);
    // in the same sentence it does
    let r = analyze(&format!("{lead}واتهم الوزير في 2015 بالفساد ثم برئ في 9 مايو."), None);
    let values: Vec<_> = r.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, [Some("2015"), Some("2015-05-09")]);
    // a full date does, however far back
    let r = analyze(&format!("{lead}وقعت الاتفاقية في 3 مايو 1990.\n\nثم عدلت في 25 سبتمبر."), None);
    let values: Vec<_> = r.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, [Some("1990-05-03"), Some("1990-09-25")]);
}
