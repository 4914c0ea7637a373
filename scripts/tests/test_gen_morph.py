"""Tests of scripts/gen_morph.py: the generator on small hand-made inputs,
and a few facts on the generated data/morph files.

Run: python3 -m unittest discover -s scripts/tests   (or python3 -m pytest scripts/tests)
"""
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS))

import gen_morph  # noqa: E402
from morph import camel, hunspell  # noqa: E402
from morph.clitics import candidates  # noqa: E402
from morph.text import apply_postregex, bw2ar, fold, written  # noqa: E402

DATA = SCRIPTS.parent / "data" / "morph"


def morpheme(cls, func, form, cond_s="", cond_t="", feat=""):
    return camel.Morpheme(cls, func, form, feat, cond_s, cond_t)


class Transliteration(unittest.TestCase):
    def test_buckwalter_to_arabic(self):
        self.assertEqual(bw2ar("qaAla"), "قَالَ")
        self.assertEqual(written(bw2ar("qaAla")), "قال")
        self.assertEqual(written(bw2ar("{i}otakal")), "ائتكل")
        self.assertEqual(written(bw2ar(">a$ad~")), "أشد")
        self.assertEqual(written(bw2ar("mas&uwl")), "مسؤول")
        self.assertEqual(written(bw2ar("<ilaY")), "إلى")
        self.assertEqual(written(bw2ar("ha`*ihi")), "هذه")
        self.assertEqual(written(bw2ar("$ariyTap")), "شريطة")

    def test_postregex_rewrite(self):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "PostRegex.csv"
            p.write_text(",DEFINE,ORDER,FIELD,VARIANT,MATCH,REPLACE,Linguistic Rule,Example\n"
                         "0,POSTREGEX,2,diac,MSA,%n,,strip n,min%n >> min\n"
                         "1,POSTREGEX,1,diac,MSA,%m,,strip m,hum%m >> hum\n"
                         "2,POSTREGEX,3,diac,EGY,x,y,other dialect,\n", encoding="utf-8")
            rules = camel.load_postregex(p)
        self.assertEqual(rules, [("%m", ""), ("%n", "")])
        self.assertEqual(apply_postregex("katabotum%m", rules), "katabotum")
        self.assertEqual(apply_postregex("min%n", rules), "min")

    def test_folding_matches_fold_rs(self):
        self.assertEqual(fold("مسؤول"), "مسوول")
        self.assertEqual(fold("إمكانية"), "امكانيه")
        self.assertEqual(fold("أعلن"), "اعلن")
        self.assertEqual(fold("إلى"), "الي")
        self.assertEqual(fold("على"), fold("علي"))
        self.assertEqual(fold("محامية"), fold("محاميه"))
        self.assertEqual(fold("سُوريا"), "سوريا")
        self.assertEqual(fold("ســوريا"), "سوريا")
        self.assertEqual(fold("آسيا ٱلله"), "اسيا الله")
        self.assertEqual(fold("هيئة"), "هييه")
        self.assertEqual(fold("کتاب"), "كتاب")
        self.assertEqual(fold("٢٠٢٤ ۱۹"), "2024 19")
        self.assertEqual(fold("CNN"), "cnn")
        self.assertEqual(fold("ÉTÉ"), "ÉtÉ")  # only ASCII is lower-cased, as in fold.rs


class Conditions(unittest.TestCase):
    def test_else_takes_its_siblings(self):
        rows = [morpheme("[S]", "S.1S", "~u", "c-suff", "#t"),
                morpheme("[S]", "S.1S", "otu", "c-suff", "else")]
        camel.derive_cond_f(rows)
        self.assertEqual(rows[0].cond_t, ("#t",))
        self.assertEqual(rows[0].cond_f, ())
        self.assertEqual(rows[1].cond_t, ())
        self.assertEqual(rows[1].cond_f, ("#t",))

    def test_else_scope_is_rows_with_the_same_left_terms(self):
        rows = [morpheme("[B]", "Buffer", "a", "", "#-a> A-null"),
                morpheme("[B]", "Buffer", "a&", "", "#-a> w-suff"),
                morpheme("[B]", "Buffer", "a>", "", "#-a> else"),
                morpheme("[B]", "Buffer", "", "", "else")]
        camel.derive_cond_f(rows)
        self.assertEqual(rows[2].cond_f, ("A-null", "w-suff"))
        self.assertEqual(rows[3].cond_f, ("#-a>",))
        self.assertEqual(rows[0].cond_f, ("w-suff",))

    def test_negation_goes_to_cond_f(self):
        m = morpheme("[S]", "S.2MS", "ta", "c-suff", "else !enc0:2*")
        camel.derive_cond_f([m])
        self.assertIn("enc0:2*", m.cond_f)

    def test_stem_affix_compatibility(self):
        # a stem ending in t (#t) takes the assimilated 1s suffix ~u, not otu
        stem = morpheme("[STEM-PV]", "STEM", "sakat", "#t", "")
        stem.finish([])
        plain = morpheme("[STEM-PV]", "STEM", "katab", "", "")
        plain.finish([])
        sufs = [morpheme("[PVSuff]", "S.1S", "~u", "c-suff", "#t", "asp:p per:1 gen:u num:s"),
                morpheme("[PVSuff]", "S.1S", "otu", "c-suff", "else", "asp:p per:1 gen:u num:s")]
        camel.derive_cond_f(sufs)
        self.assertTrue(camel.compatible([stem, sufs[0]]))
        self.assertFalse(camel.compatible([stem, sufs[1]]))
        self.assertFalse(camel.compatible([plain, sufs[0]]))
        self.assertTrue(camel.compatible([plain, sufs[1]]))

    def test_disjunction_in_cond_t(self):
        stem = morpheme("[STEM-PV]", "STEM", "qaAl", "", "v-suff")
        stem.finish([])
        v = morpheme("[PVSuff]", "S.3FS", "ato", "v-suff", "")
        c = morpheme("[PVSuff]", "S.1S", "otu", "c-suff", "")
        v.finish([]), c.finish([])
        self.assertTrue(camel.compatible([stem, v]))
        self.assertFalse(camel.compatible([stem, c]))

    def test_templates_on_a_hand_made_grammar(self):
        stem = morpheme("[STEM-PV]", "STEM", "qaAl", "trans", "v-suff")
        stem.finish([])
        morph = {
            "[PVSuff]": [morpheme("[PVSuff]", "S.3MS", "a", "v-suff", "", "asp:p per:3 gen:m num:s"),
                         morpheme("[PVSuff]", "S.3FS", "ato", "v-suff", "", "asp:p per:3 gen:f num:s"),
                         morpheme("[PVSuff]", "S.1S", "otu", "c-suff", "", "asp:p per:1 gen:u num:s")],
            "[PRON.V]": [morpheme("[PRON.V]", "_", "", "", ""),
                         morpheme("[PRON.V]", camel.PRON_HOST, "hu", "enc0", "trans")],
        }
        for ms in morph.values():
            for m in ms:
                m.finish([])
        frames = camel.verb_templates(stem, ["[STEM-PV]", "[PVSuff]", "[PRON.V]"], morph)
        tags = {(suf, tag, host) for _, _, _, suf, tag, host in frames}
        self.assertIn(("a", "p3ms", False), tags)
        self.assertIn(("ato", "p3fs", True), tags)
        self.assertFalse(any(tag == "p1s" for _, tag, _ in tags))


class Hunspell(unittest.TestCase):
    def test_first_level_suffixes_without_pronouns(self):
        with tempfile.TemporaryDirectory() as d:
            aff = Path(d) / "t.aff"
            aff.write_text("FLAG long\nAF 1\nAF BBCB # 1\n"
                           "SFX BB Y 2\nSFX BB 0 0/9 .\nSFX BB 0 ة/9 .\n"
                           "SFX CB Y 3\nSFX CB 0 ان/9 [^ة]\nSFX CB ة تان/9 ة\nSFX CB 0 ه/9 .\n",
                           encoding="utf-8")
            aliases, sfx = hunspell.parse_aff(aff)
        self.assertEqual(aliases, ["BBCB"])
        self.assertEqual(hunspell.expand("معلم", "BBCB", sfx), {"معلم", "معلمة", "معلمان"})


class Clitics(unittest.TestCase):
    def test_candidate_splits(self):
        c = candidates("لوزير")
        self.assertIn(("ل", "وزير", ""), c)
        self.assertIn(("", "محامية", "ه"), candidates("محاميته"))
        self.assertIn(("وال", "قرار", ""), candidates("والقرار"))
        self.assertIn(("", "ب", "ه"), candidates("به"))
        self.assertIn(("", "أعداء", "ه"), candidates("أعدائه"))
        self.assertNotIn(("", "ف", "ه"), candidates("فه"))
        self.assertNotIn(("و", "ب", ""), candidates("وب"))


@unittest.skipUnless((DATA / "verb_stems.tsv").exists(), "data/morph not generated")
class RealOutput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lex = gen_morph.load_lexicon(DATA)

    def whole(self, word):
        return {c for p, s, e, cls in self.lex.analyse(word) if not p and not e for c in cls}

    def test_abr_is_preposition_and_verb(self):
        c = self.whole("عبر")
        self.assertIn("PREP", c)
        self.assertTrue(any(x.startswith("VERB") for x in c))

    def test_bayna_is_preposition_or_adverb_and_verb(self):
        c = self.whole("بين")
        self.assertTrue({"PREP", "ADV"} & c)
        self.assertTrue(any(x.startswith("VERB") for x in c))

    def test_qala_forms(self):
        self.assertIn("VERB.p3ms", self.whole("قال"))
        self.assertIn("VERB.p3fs", self.whole("قالت"))
        self.assertIn("VERB.i3ms", self.whole("يقول"))
        self.assertIn("VERB.p3ms", self.whole("قَالَ"))
        self.assertIn("VERB.p3mp", self.whole("قالوا"))

    def test_nouns(self):
        self.assertTrue({"NOUN", "ADJ"} & self.whole("مسؤول"))
        self.assertIn("NOUN", self.whole("تعبير"))
        self.assertNotIn("PROPN", self.whole("شريطة"))
        self.assertIn("NOUN", self.whole("شريطة"))

    def test_proclitic_split(self):
        splits = {(p, s, e) for p, s, e, cls in self.lex.analyse("لوزير") if "NOUN" in cls}
        self.assertIn(("ل", "وزير", ""), splits)

    def test_written_form_decides(self):
        self.assertIn("NOUN", self.whole("محامية"))
        self.assertNotIn("NOUN", self.whole("محاميه"))
        self.assertIn(("", "محامي", "ه"), {(p, s, e) for p, s, e, _ in self.lex.analyse("محاميه")})
        self.assertIn("PREP", self.whole("على"))
        self.assertNotIn("PREP", self.whole("علي"))
        self.assertIn("PREP", {c for p, s, e, cls in self.lex.analyse("عليه") if e for c in cls})
        self.assertIn("PREP", {c for p, s, e, cls in self.lex.analyse("لديه") if e for c in cls})

    def test_passive_and_clitic_verbs(self):
        self.assertIn("VERB.p3ms", self.whole("قيل"))
        self.assertIn("VERB.p3fs", self.whole("أقيمت"))
        self.assertIn(("س", "يقول", ""), {(p, s, e) for p, s, e, _ in self.lex.analyse("سيقول")})
        self.assertNotIn(("س", "عد", ""), {(p, s, e) for p, s, e, _ in self.lex.analyse("سعد")})
        self.assertIn(("", "قالو", "ه"), {(p, s, e) for p, s, e, _ in self.lex.analyse("قالوه")})
        self.assertNotIn("VERB.p3mp", self.whole("قالو"))

    def test_speech_and_aux_verbs(self):
        rows = [l.split("\t") for l in (DATA / "speech_verbs.tsv").read_text(encoding="utf-8").splitlines()
                if l and not l.startswith("#")]
        speech = {r[1] for r in rows if r[0] == "speech"}
        aux = {r[1] for r in rows if r[0] == "aux"}
        self.assertTrue({"قال", "أكد", "أضاف", "حذر", "نفى"} <= speech, speech)
        self.assertTrue({"مضى", "راح", "عاد", "ظل", "كان", "أصبح"} <= aux, aux)


if __name__ == "__main__":
    unittest.main()
