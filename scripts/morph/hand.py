"""Closed-class words Camel Morph MSA files under nouns (its noun lexicon,
which holds the adverbial and prepositional nouns, is not available):
compiled by hand for khabar from standard MSA grammar (ظروف and
prepositional nouns used in news). Each word: classes it can have besides
what the other tables say (بين is also a verb and a noun there)."""

HAND = {
    "PREP,ADV": "عبر بين مع خلال حول نحو ضد عند لدى قبل بعد فوق تحت أمام وراء خلف دون بدون حسب "
                "وفق وفقا طبقا إثر عقب جراء حيال إزاء تجاه قرب ضمن قبيل بعيد أثناء طوال طيلة إبان "
                "داخل خارج وسط لدن رغم مقابل قرابة حوالي زهاء سوى غير عدا حين لحين إلى_جانب",
    "ADV": "أيضا كذلك فقط جدا حاليا أمس غدا الآن هنا هناك هنالك حيث ربما لاحقا سابقا مؤخرا دائما "
           "أبدا معا تقريبا خصوصا أحيانا فورا حينئذ عندئذ بعدئذ آنذاك يومئذ وقتئذ حينذاك قط مطلقا "
           "كثيرا قليلا سويا بتاتا آنفا أولا ثانيا ثالثا أخيرا مجددا مجدداً ثانية حالا فحسب",
    "PART": "قد سوف لقد",
    "NEG": "غير",
    "PREP": "مثل",
    "SUB": "عندما حيث حينما بينما كلما ريثما",
    "NOUN": "ذو ذا ذي ذات ذوا ذوي ذوو ذواتا ذواتي أولو أولي",
    "PRON": "هو هي هم هما هن أنت أنتم أنتما أنتن نحن أنا",
}


def hand_words():
    out = {}
    for classes, words in HAND.items():
        for w in words.split():
            if "_" in w:
                continue
            out.setdefault(w, set()).update(classes.split(","))
    return out
