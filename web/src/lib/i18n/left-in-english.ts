/**
 * Whether a Chinese dictionary's string was left in English, for the locale tests: no Chinese
 * character and no CJK punctuation (a list separator such as 、 or the full-width ； is Chinese too),
 * and more than placeholders, numbers and symbols.
 */
export function leftInEnglish(s: string): boolean {
  return !/[\u4e00-\u9fff\u3000-\u303f\uff01-\uff1f]/.test(s) && !/^[{}\s\w.%]*$/.test(s);
}
