/** A dialect or skill with a proficiency, as agents carry them. */
export interface TagProficiency {
  tag: string;
  proficiency: number;
}

/** `cmn:5;cmn-x-wuhan:4`: the notation of the CSV import, for editing an agent's tags in one box. */
export function formatTagList(tags: TagProficiency[]): string {
  return tags.map((t) => `${t.tag}:${t.proficiency}`).join(';');
}

/** The tags of a box, or the first entry that is not `tag:1..5` (then `tags` is null). */
export function parseTagList(text: string): { tags: TagProficiency[] | null; bad: string | null } {
  const tags: TagProficiency[] = [];
  for (const part of text.split(/[;,；，]/).map((p) => p.trim())) {
    if (!part) continue;
    const m = /^([A-Za-z0-9-]{1,40})[:：]([1-5])$/.exec(part);
    if (!m) return { tags: null, bad: part };
    tags.push({ tag: m[1], proficiency: Number(m[2]) });
  }
  return { tags, bad: null };
}
