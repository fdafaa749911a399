// Text normalisation shared by parsing and matching: full-width forms, spaces and brackets,
// which Chinese spreadsheets mix freely with their half-width twins.

const WIDE = /[\uff01-\uff5e\u3000]/;

/**
 * Folds full-width ASCII variants (U+FF01..U+FF5E) to ASCII and the ideographic space to a space.
 * toHalfWidth("３４３０．２") // => "3430.2"
 */
export function toHalfWidth(text: string): string {
  // Most text has nothing to fold; answering it as is spares building a copy per cell.
  if (!WIDE.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Collapses every run of white space (including no-break and ideographic spaces) to nothing. */
export function removeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
}

/**
 * A set of UTF-16 code units, asked per character without a regular expression: over a hundred
 * thousand names a table lookup per character is several times cheaper than a RegExp call.
 * charSet("合总").hasAny("中国合计") // => true
 */
export interface CharSet {
  hasAny(text: string): boolean;
}

export function charSet(chars: string): CharSet {
  const member = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) member[chars.charCodeAt(i)] = 1;
  return {
    hasAny(text: string): boolean {
      for (let i = 0; i < text.length; i++) if (member[text.charCodeAt(i)] === 1) return true;
      return false;
    },
  };
}

/** Text of CJK unified ideographs (U+4E00..U+9FFF) and ASCII digits only: nothing in it to fold or lower-case. */
function isHanAndDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/** Exactly the characters String.prototype.toLowerCase changes (Unicode property CWL). */
const CHANGES_WHEN_LOWERCASED = /\p{Changes_When_Lowercased}/u;

/** Any character enterpriseKey folds besides the case: wide forms, spaces, brackets, dots. */
const KEY_FOLDS = /[\uff01-\uff5e\u3000\s\u00a0\u200b\ufeff【[〔{】\]〕}·・•]/;

/**
 * A key under which two spellings of one enterprise name meet: half-width, no spaces,
 * all brackets as "()", Latin letters in lower case.
 * enterpriseKey("碧桂园（控股） ") // => "碧桂园(控股)"
 */
export function enterpriseKey(name: string): string {
  // Most names hold nothing to fold (no wide forms, spaces, brackets or dots) and no capitals:
  // they are their own key, and copying a hundred thousand of them is what this spares. Han
  // characters and digits alone are answered by the cheapest test.
  if (isHanAndDigits(name)) return name;
  if (!KEY_FOLDS.test(name)) return CHANGES_WHEN_LOWERCASED.test(name) ? name.toLowerCase() : name;
  return removeSpaces(toHalfWidth(name))
    .replace(/[【[〔［{｛]/g, "(")
    .replace(/[】\]〕］}｝]/g, ")")
    .replace(/[·・•]/g, "")
    .toLowerCase();
}

/** A header cell reduced for keyword matching: half-width, lower case, no spaces. */
export function headerKey(text: string): string {
  return removeSpaces(toHalfWidth(text)).toLowerCase();
}
