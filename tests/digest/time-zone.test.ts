import { describe, expect, it } from 'vitest';
import {
  addDays,
  canonicalTimeZone,
  formatLongDate,
  localDateTime,
  zonedInstant,
} from '../../core/digest/time-zone.ts';

describe('localDateTime', () => {
  it('reads the wall clock of an instant in a zone', () => {
    expect(localDateTime(new Date('2026-01-10T07:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-01-10',
      time: '08:30',
    });
    expect(localDateTime(new Date('2026-01-10T03:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-01-09',
      time: '22:00',
    });
    expect(localDateTime(new Date('2026-01-10T23:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-01-11',
      time: '00:00',
    });
  });
});

describe('zonedInstant', () => {
  it('converts an ordinary local time', () => {
    expect(zonedInstant('2026-01-10', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-01-10T07:00:00.000Z');
    expect(zonedInstant('2026-07-10', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-07-10T06:00:00.000Z');
    expect(zonedInstant('2026-01-10', '08:00', 'Asia/Kolkata').toISOString()).toBe('2026-01-10T02:30:00.000Z');
    expect(zonedInstant('2026-01-10', '00:00', 'UTC').toISOString()).toBe('2026-01-10T00:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward) to the next valid minute', () => {
    // Europe/Berlin 2026-03-29: 02:00 CET → 03:00 CEST.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedInstant('2026-03-29', '02:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedInstant('2026-03-29', '01:59', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedInstant('2026-03-29', '03:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // America/New_York 2026-03-08: 02:00 EST → 03:00 EDT.
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // A 30-minute jump (Lord Howe) and a jump at midnight (Santiago).
    expect(zonedInstant('2026-10-04', '02:15', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(localDateTime(zonedInstant('2026-09-06', '00:00', 'America/Santiago'), 'America/Santiago')).toEqual({
      date: '2026-09-06',
      time: '01:00',
    });
  });

  it('takes the first occurrence of a repeated time (fall back)', () => {
    // Europe/Berlin 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // America/New_York 2026-11-01: 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('canonicalTimeZone', () => {
  it('accepts IANA zones in any case and returns the canonical name', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('  America/New_York ')).toBe('America/New_York');
    expect(canonicalTimeZone('utc')).toBe('UTC');
  });

  it('rejects unknown zones and bare offsets', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('formats a local date for readers', () => {
    expect(formatLongDate('2022-01-10')).toBe('Monday, 10 January 2022');
    expect(formatLongDate('2026-03-29')).toBe('Sunday, 29 March 2026');
  });
});
