/**
 * Java `ZoneId`s as `db.timezone` accepts them (Confluent's TimeZoneValidator and
 * `JdbcSourceConnectorConfig.zoneId`): region ids known to the platform's time zone data, Java's
 * `ZoneId.SHORT_IDS` aliases, and fixed offsets (`Z`, `+05:30`, `UTC+1`, `GMT-08:00`, …).
 * Offsets of region zones come from Intl and are cached per hour.
 */
import { daysFromGregorian } from './civil-calendar';
export type JavaZone = { readonly id: string; readonly fixedOffsetSeconds: number } | { readonly id: string; readonly region: string };

/** java.time.ZoneId.SHORT_IDS. */
const SHORT_IDS: Readonly<Record<string, string>> = {
  ACT: 'Australia/Darwin', AET: 'Australia/Sydney', AGT: 'America/Argentina/Buenos_Aires', ART: 'Africa/Cairo',
  AST: 'America/Anchorage', BET: 'America/Sao_Paulo', BST: 'Asia/Dhaka', CAT: 'Africa/Harare', CNT: 'America/St_Johns',
  CST: 'America/Chicago', CTT: 'Asia/Shanghai', EAT: 'Africa/Addis_Ababa', ECT: 'Europe/Paris', IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', MIT: 'Pacific/Apia', NET: 'Asia/Yerevan', NST: 'Pacific/Auckland', PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix', PRT: 'America/Puerto_Rico', PST: 'America/Los_Angeles', SST: 'Pacific/Guadalcanal', VST: 'Asia/Ho_Chi_Minh',
  EST: '-05:00', MST: '-07:00', HST: '-10:00',
};

const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/;
const PREFIXED_OFFSET = /^(?:UTC|GMT|UT)([+-].*)$/;

export const UTC_ZONE: JavaZone = { id: 'UTC', fixedOffsetSeconds: 0 };

/** The zone a Java ZoneId string names, or undefined when Java would reject it. */
export function parseJavaZoneId(id: string): JavaZone | undefined {
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') return { id, fixedOffsetSeconds: 0 };
  const prefixed = PREFIXED_OFFSET.exec(id);
  const offset = parseOffset(prefixed ? (prefixed[1] as string) : id);
  if (offset !== undefined) return { id, fixedOffsetSeconds: offset };
  // SHORT_IDS first: ICU knows some of these abbreviations too, but Java resolves them through this map.
  const alias = SHORT_IDS[id];
  if (alias !== undefined) {
    const aliasOffset = parseOffset(alias);
    return aliasOffset !== undefined ? { id, fixedOffsetSeconds: aliasOffset } : { id, region: alias };
  }
  return isRegion(id) ? { id, region: id } : undefined;
}

function parseOffset(text: string): number | undefined {
  const match = OFFSET.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 18 || minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total > 18 * 3600) return undefined;
  return match[1] === '-' ? -total : total;
}

function isRegion(id: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
const MAX_DATE_MS = 8.64e15;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC, in seconds, at an instant (epoch milliseconds). */
export function offsetSecondsAt(zone: JavaZone, epochMillis: number): number {
  if ('fixedOffsetSeconds' in zone) return zone.fixedOffsetSeconds;
  const clamped = Math.min(Math.max(epochMillis, -MAX_DATE_MS + HOUR_MS), MAX_DATE_MS - HOUR_MS);
  const hour = Math.floor(clamped / HOUR_MS);
  const key = `${zone.region}@${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = regionOffsetSeconds(zone.region, hour * HOUR_MS);
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Epoch milliseconds of a wall-clock time (as if it were UTC) in the zone. */
export function localToEpochMillis(zone: JavaZone, localMillis: number): number {
  const first = offsetSecondsAt(zone, localMillis) * 1000;
  const guess = localMillis - first;
  const second = offsetSecondsAt(zone, guess) * 1000;
  // In a gap (spring forward) the wall time does not exist: like Java's lenient calendar, read it with the earlier offset.
  return second === first ? guess : localMillis - Math.min(first, second);
}

function regionOffsetSeconds(region: string, epochMillis: number): number {
  let format = formatters.get(region);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: region, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(region, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(epochMillis))) parts[part.type] = part.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  // V8's Intl formats proleptic Gregorian dates.
  const localSeconds = daysFromGregorian(year, Number(parts.month), Number(parts.day)) * 86400 + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return localSeconds - Math.floor(epochMillis / 1000);
}
