// Text normalisation shared by parsing and matching: full-width forms, spaces and brackets,
// which Chinese spreadsheets mix freely with their half-width twins.

/**
 * Folds full-width ASCII variants (U+FF01..U+FF5E) to ASCII and the ideographic space to a space.
 * toHalfWidth("３４３０．２") // => "3430.2"
 */
export function toHalfWidth(text: string): string {
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
 * A key under which two spellings of one enterprise name meet: half-width, no spaces,
 * all brackets as "()", Latin letters in lower case.
 * enterpriseKey("碧桂园（控股） ") // => "碧桂园(控股)"
 */
export function enterpriseKey(name: string): string {
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
