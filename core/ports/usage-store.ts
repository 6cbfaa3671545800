import type { TokenUsage } from './engine.ts';

export interface UsageRecord extends TokenUsage {
  /** ISO timestamp. */
  createdAt: string;
  engine: string;
  kind: string;
}

export interface DailyUsage {
  /** YYYY-MM-DD (UTC). */
  day: string;
  model: string;
  replies: number;
  inputTokens: number;
  outputTokens: number;
}

/** Token accounting for the Claude engine. */
export interface UsageStore {
  record(usage: UsageRecord): Promise<void>;
  dailyTotals(): Promise<DailyUsage[]>;
}
