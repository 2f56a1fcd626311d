/**
 * Errors of standalone start-up. They never reach the REST API (which speaks `lib/errors.ts`); the CLI
 * prints their message and exits 1, so each message says what is wrong and what to do about it.
 */
export type StandaloneErrorCode =
  | 'MISSING_SYSTEM_DEPENDENCY'
  | 'DATA_DIR_LOCKED'
  | 'CONFIG_FILE'
  | 'KAFKA_START_FAILED'
  | 'PORT_IN_USE'
  | 'CONNECTOR_REJECTED'
  | 'USAGE';

export class StandaloneError extends Error {
  readonly code: StandaloneErrorCode;

  constructor(code: StandaloneErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** A program the embedded services need (kcat) is not installed; `installCommand` installs it. */
export class MissingSystemDependencyError extends StandaloneError {
  readonly program: string;
  readonly installCommand: string;

  constructor(program: string, installCommand: string, message: string) {
    super('MISSING_SYSTEM_DEPENDENCY', message);
    this.program = program;
    this.installCommand = installCommand;
  }
}

/** Another standalone process (or this one) already uses the data directory. */
export class DataDirLockedError extends StandaloneError {
  constructor(message: string) {
    super('DATA_DIR_LOCKED', message);
  }
}

/** A connector or worker config file that cannot be read or parsed; the message names file and line. */
export class ConfigFileError extends StandaloneError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number, options?: { cause?: unknown }) {
    super('CONFIG_FILE', `${file}${line === undefined ? '' : `:${line}`}: ${message}`, options);
    this.file = file;
    this.line = line;
  }
}

/** Bad command-line usage; the CLI prints the message and the usage text. */
export class UsageError extends StandaloneError {
  constructor(message: string) {
    super('USAGE', message);
  }
}
