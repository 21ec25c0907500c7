/**
 * Help text for the editor's fields, per API, keyed by wire name. A field shared by many actions
 * (`active`, `expires_at`, `order`) is explained once and reads the same everywhere.
 *
 * Keys, most specific first (the first that exists wins):
 * - `<record>/<in>:<name>` and `<record>/<name>`: only for one record, named by its resource noun
 *   in lower case (`quiz question/type`), where one wire name means different things;
 * - `<in>:<name>` (`query:name`, `path:id`): only for path, query or body fields;
 * - `<name>`: everywhere.
 * `{record}` and `{records}` in a text become the resource's noun and its plural.
 *
 * Write in our own words: what the field does, its format, what happens when it is left empty
 * and the facts that bite (case sensitivity, time zones, which ID). Date-time fields get the
 * shared time-zone sentence added (wording/index.ts), lists and JSON fields their format sentence
 * (description.ts): do not repeat those here.
 */
export type Wording = Readonly<Record<string, string>>;
