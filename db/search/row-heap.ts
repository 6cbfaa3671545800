/** A passage and its score (-bm25: higher is better). */
export interface ScoredRow {
  rowid: number;
  score: number;
}

/**
 * Keeps the `capacity` best rows offered (higher score first, lower rowid on ties) in typed arrays: a
 * bounded min-heap with the worst kept row at the root, so most offers are one comparison.
 */
export class RowHeap {
  private readonly scores: Float64Array;
  private readonly rowids: Int32Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(Math.max(1, capacity));
    this.rowids = new Int32Array(Math.max(1, capacity));
  }

  /** True when row a ranks below row b. */
  private worse(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    return sa < sb || (sa === sb && (this.rowids[a] as number) > (this.rowids[b] as number));
  }

  private swap(a: number, b: number): void {
    const score = this.scores[a] as number;
    const rowid = this.rowids[a] as number;
    this.scores[a] = this.scores[b] as number;
    this.rowids[a] = this.rowids[b] as number;
    this.scores[b] = score;
    this.rowids[b] = rowid;
  }

  offer(rowid: number, score: number): void {
    if (this.capacity <= 0) return;
    if (this.count < this.capacity) {
      let i = this.count++;
      this.scores[i] = score;
      this.rowids[i] = rowid;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const root = this.scores[0] as number;
    if (score < root || (score === root && rowid > (this.rowids[0] as number))) return;
    this.scores[0] = score;
    this.rowids[0] = rowid;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.count && this.worse(left, least)) least = left;
      if (right < this.count && this.worse(right, least)) least = right;
      if (least === i) break;
      this.swap(i, least);
      i = least;
    }
  }

  /** The worst kept score once full (a lower bound of the `capacity`-th best), else 0. */
  floor(): number {
    return this.count < this.capacity ? 0 : (this.scores[0] as number);
  }

  /** The kept rows, best first. */
  sorted(): ScoredRow[] {
    const rows: ScoredRow[] = [];
    for (let i = 0; i < this.count; i++)
      rows.push({ rowid: this.rowids[i] as number, score: this.scores[i] as number });
    return rows.sort((a, b) => b.score - a.score || a.rowid - b.rowid);
  }
}
