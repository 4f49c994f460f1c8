// Names and paths sort by UTF-16 code unit: the same order on every machine (localeCompare follows the
// runner's locale), and no ICU collator to load at the start of every run.
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
