//! Numbers written in words: `ألفان وثمانية عشر` (2018), `ألف وتسعمائة
//! وثمانية وسبعون` (1978), `مائتين وسبعة وستين` (267), `تسعة` (9).
//!
//! The grammar is the written standard: thousands, hundreds, then units
//! before tens (`ثمانية وسبعون`), each part joined by `و`. Keys are folded,
//! so hamza and ta marbuta variants read alike.

use super::doc::Doc;
use crate::tokenizer::TokenKind;

/// Value of one number word (folded key), and whether it is a multiplier
/// (ألف).
fn word_value(key: &str) -> Option<u32> {
    // most words asked about are none: their first letter (or, after the
    // article, the whole word) turns them away before the full match
    let may_be = match key.chars().next() {
        Some('ا') => !key.starts_with("ال") || matches!(key, "الف" | "الفين" | "الفان"),
        Some('ص' | 'و' | 'ث' | 'خ' | 'س' | 'ت' | 'ع' | 'م') => true,
        _ => false,
    };
    debug_assert!(may_be || number_word_value(key).is_none(), "number word turned away: {key}");
    if !may_be {
        return None;
    }
    number_word_value(key)
}

/// [`word_value`] by the full match.
fn number_word_value(key: &str) -> Option<u32> {
    Some(match key {
        "صفر" => 0,
        "واحد" | "واحده" | "احد" | "احدي" => 1,
        "اثنين" | "اثنان" | "اثني" | "اثنا" => 2,
        "ثلاثه" | "ثلاث" => 3,
        "اربعه" | "اربع" => 4,
        "خمسه" | "خمس" => 5,
        "سته" | "ست" => 6,
        "سبعه" | "سبع" => 7,
        "ثمانيه" | "ثماني" | "ثمان" => 8,
        "تسعه" | "تسع" => 9,
        "عشره" | "عشر" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "اربعين" | "اربعون" => 40,
        "خمسين" | "خمسون" => 50,
        "ستين" | "ستون" => 60,
        "سبعين" | "سبعون" => 70,
        "ثمانين" | "ثمانون" => 80,
        "تسعين" | "تسعون" => 90,
        "مايه" | "ميه" => 100,
        "مايتين" | "مايتان" => 200,
        "ثلاثمايه" | "ثلاثمىه" => 300,
        "اربعمايه" => 400,
        "خمسمايه" => 500,
        "ستمايه" => 600,
        "سبعمايه" => 700,
        "ثمانمايه" | "ثمانيمايه" => 800,
        "تسعمايه" => 900,
        "الف" => 1000,
        "الفين" | "الفان" => 2000,
        _ => return None,
    })
}

/// Reads a number in words starting at token `i`; returns the value and the
/// last token. Teens (`ثمانية عشر`) add the unit to ten.
pub fn number_words(doc: &Doc, i: usize) -> Option<(u32, usize)> {
    if doc.kind(i) != TokenKind::Word {
        return None;
    }
    let mut total = 0u32;
    let mut last;
    let mut cur = i;
    let mut first = true;
    loop {
        let key = doc.key(cur);
        let key = if first { key } else { key.strip_prefix('و')? };
        let v = word_value(key)?;
        // `ألف` after a number multiplies it (`ثلاثة آلاف` is not written
        // for years); here a thousand word simply adds
        total += v;
        last = cur;
        // a teen: `ثمانية عشر`
        if v < 10 {
            if let Some(n) = doc.next_word(cur) {
                if matches!(doc.key(n), "عشر" | "عشره") {
                    total += 10;
                    last = n;
                    cur = n;
                }
            }
        }
        first = false;
        match doc.next_word(cur) {
            Some(n) if doc.key(n).starts_with('و') && word_value(&doc.key(n)[2..]).is_some() => cur = n,
            _ => break,
        }
    }
    Some((total, last))
}
