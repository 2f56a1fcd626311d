import { describe, expect, it } from 'vitest';
import { parseStandaloneArgs } from '#lib/standalone/cli-args';
import { UsageError } from '#lib/standalone/errors';

describe('parseStandaloneArgs', () => {
  it('reads every flag in both spellings and keeps the files in order', () => {
    expect(parseStandaloneArgs(['--port', '9000', '--host=0.0.0.0', '--data-dir', '/d', '--worker=w.properties', 'a.properties', 'b.json'])).toEqual({
      help: false,
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/d',
      workerFile: 'w.properties',
      files: ['a.properties', 'b.json'],
    });
  });

  it('recognises --help and -h', () => {
    expect(parseStandaloneArgs(['-h']).help).toBe(true);
    expect(parseStandaloneArgs(['--help']).help).toBe(true);
  });

  it('treats everything after -- as files', () => {
    expect(parseStandaloneArgs(['--', '--odd-name.properties']).files).toEqual(['--odd-name.properties']);
  });

  it('rejects unknown options, missing values and bad ports', () => {
    expect(() => parseStandaloneArgs(['--verbose'])).toThrow(UsageError);
    expect(() => parseStandaloneArgs(['--port'])).toThrow('--port needs a value');
    expect(() => parseStandaloneArgs(['--port', 'http'])).toThrow(/port number/);
    expect(() => parseStandaloneArgs(['--port=70000'])).toThrow(/port number/);
  });
});
