// Search terms of a text in the browser: the same definition as scripts/archive/tokenize.py, whose tables arrive
// with each index (settings()), so build and query cannot drift; tests/test_search_tokenize.py runs both on the
// same texts. Needs snowball.js loaded first.
"use strict";
(function (root) {
  const LETTER = /\p{L}/u;
  const within = (code, ranges) => ranges.some(([lo, hi]) => lo <= code && code <= hi);
  const normalize = text => text.normalize("NFKC").toLowerCase();
  const charClass = ranges => `[${ranges.map(([lo, hi]) => `\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`).join("")}]`;

  function createTokenizer(settings) {
    const memo = new Map();

    function stemmerFor(word) {
      for (const char of word)
        if (LETTER.test(char)) {
          const code = char.codePointAt(0);
          const found = settings.stemmers.find(([, ranges]) => within(code, ranges));
          return found ? found[0] : null;
        }
      return null;
    }

    function stem(word) {
      let term = memo.get(word);
      if (term === undefined) {
        const algorithm = stemmerFor(word);
        term = algorithm ? root.snowballStem(algorithm, word) : word;
        memo.set(word, term);
      }
      return term;
    }

    // A word: letters, digits, marks; a CJK one is cut from a neighbouring non-CJK one (as in tokenize.py).
    const WORD = "[\\p{L}\\p{N}\\p{M}]", CJK = charClass(settings.cjk);
    const SEGMENT = new RegExp(`((?:(?=${WORD})${CJK})+)|((?:(?!${CJK})${WORD})+)`, "gu");

    // The text's words as {text, start, end, cjk}, start and end in UTF-16 units.
    function segments(text) {
      const out = [];
      for (const m of text.matchAll(SEGMENT))
        out.push({ text: m[0], start: m.index, end: m.index + m[0].length, cjk: m[1] !== undefined });
      return out;
    }

    function bigrams(run) {
      const chars = Array.from(run);
      if (chars.length === 1) return [run];
      const out = [];
      for (let k = 0; k + 1 < chars.length; k++) out.push(chars[k] + chars[k + 1]);
      return out;
    }

    // A query's words: {folded, cjk, terms}; terms are a stemmed word alone, or a CJK run's bigrams (all required).
    function queryWords(text) {
      return segments(text).map(s => {
        const folded = normalize(s.text);
        return { folded, cjk: s.cjk, terms: s.cjk ? bigrams(folded) : [stem(folded)] };
      });
    }

    // tokenize.py's query_terms: the terms, one group per word.
    const queryTerms = text => queryWords(text).map(w => w.terms);

    return { segments, queryWords, queryTerms, normalize, stem };
  }

  root.createTokenizer = createTokenizer;
})(typeof self !== "undefined" ? self : globalThis);
