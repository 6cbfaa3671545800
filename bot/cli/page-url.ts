/** True for an argument of `ingest` that names a web page rather than a file. */
export const isPageUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);
