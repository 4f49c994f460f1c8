// Where the gate's documents (the baseline, the run history beside it) live. `update` is read-modify-write so a store
// that meets a concurrent writer can re-read and apply the same change again (entries merge instead of
// being lost).

/** One versioned JSON document: how to read it (refusing anything it does not recognise) and write it. */
export interface DocumentCodec<T> {
  /** The document in words, for messages: "the baseline". */
  what: string
  parse(text: string, location: string): T
  serialize(value: T): string
  error(location: string, message: string): Error
  /** Commit message of a write on the branch. */
  commitMessage: string
  /** What to do when the path is a directory, and when the file is too large for the contents API. */
  pathHint: string
  tooLargeHint: string
  /** What to do when the token may not write contents (HTTP 403); default: the permission, or a local file. */
  forbiddenHint?: string
}

export interface DocumentStore<T> {
  /** Where, in words, for messages: the file, and the branch. */
  readonly location: string
  /** null when there is no document yet; throws the codec's error when it exists but cannot be read. */
  read(): Promise<T | null>
  /** Applies `change` to the current document (null if none) and writes the result; returning the current document unchanged writes nothing. */
  update(change: (current: T | null) => T): Promise<T>
  /** Writes this store made on GitHub so far (its branch, its file), where it counts them. */
  readonly writes?: number
}
