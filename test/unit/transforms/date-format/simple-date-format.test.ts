import { describe, expect, it } from 'vitest';
import { DatePatternError, SimpleDateFormat } from '#lib/transforms/date-format/simple-date-format';

const INSTANT = new Date(Date.UTC(2017, 0, 3, 14, 5, 9, 7));

describe('SimpleDateFormat (UTC subset)', () => {
  it.each([
    ['yyyyMMdd', '20170103'],
    ['yy-M-d', '17-1-3'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", '2017-01-03T14:05:09.007Z'],
    ['EEE, d MMM yyyy hh:mm a', 'Tue, 3 Jan 2017 02:05 PM'],
    ['EEEE MMMM D', 'Tuesday January 3'],
    ['HH:mm:ss Z', '14:05:09 +0000'],
    ['HH:mm:ssX', '14:05:09Z'],
    ['k K h z G u', '14 2 2 UTC AD 2'],
    ["'o''clock' ''", "o'clock '"],
    ['S SSSS', '7 0007'],
  ])('formats %s as %s', (pattern, text) => {
    expect(new SimpleDateFormat(pattern).format(INSTANT)).toBe(text);
  });

  it.each([
    ['yyyyMMdd', '20170103', Date.UTC(2017, 0, 3)],
    ['yyyy-MM-dd HH:mm:ss.SSS', '2017-01-03 14:05:09.007', INSTANT.getTime()],
    ['dd MMM yyyy', '03 jan 2017', Date.UTC(2017, 0, 3)],
    ['yyyy-MM-dd HH:mm Z', '2017-01-03 16:05 +0200', Date.UTC(2017, 0, 3, 14, 5)],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2017-01-03T14:05:09-01:30', Date.UTC(2017, 0, 3, 15, 35, 9)],
    ['yyyy-MM-dd hh:mm a', '2017-01-03 12:30 AM', Date.UTC(2017, 0, 3, 0, 30)],
    ['yyyy-MM-dd', '2017-02-30', Date.UTC(2017, 2, 2)],
    ['yyyy-MM-dd', '2017-01-03 and more', Date.UTC(2017, 0, 3)],
    ['yyyy', '0099', new Date('0099-01-01T00:00:00Z').getTime()],
  ])('parses %s from %s (leniently, ignoring trailing text)', (pattern, text, millis) => {
    expect(new SimpleDateFormat(pattern).parse(text)?.getTime()).toBe(millis);
  });

  it('reads a two-digit yy year within 80 years back and 20 ahead', () => {
    const parsed = new SimpleDateFormat('yy').parse('05')?.getUTCFullYear();

    expect(parsed).toBe(2005);
  });

  it('returns null for text that does not match', () => {
    expect(new SimpleDateFormat('yyyy-MM-dd').parse('2017/01/03')).toBeNull();
  });

  it("rejects letters Java rejects, with Java's message", () => {
    expect(() => new SimpleDateFormat('bad-format')).toThrow(new DatePatternError("Illegal pattern character 'b'"));
  });

  it('rejects the week-based letters it does not implement', () => {
    expect(() => new SimpleDateFormat('YYYY-ww')).toThrow(DatePatternError);
  });

  it('rejects an unterminated quote', () => {
    expect(() => new SimpleDateFormat("yyyy 'at")).toThrow(new DatePatternError('Unterminated quote'));
  });
});
