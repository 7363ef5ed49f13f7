/**
 * The client's logger. Every line passes through the redactor on its way to the sink, so no caller can leak a
 * secret by logging a header, a URL or an error body. The VS Code layer passes an OutputChannel-backed sink;
 * tests pass an array.
 */
import { redactValue, SecretRedactor } from './secretRedaction';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const levelRank: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

export type LogSink = (line: string, level: LogLevel) => void;

export interface Logger {
  trace(message: string, details?: unknown): void;
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
  /** Scrubs this value from all later output (and from output of loggers derived with `child`). */
  registerSecret(value: string | undefined): void;
  /** A logger that prefixes its lines (e.g. with the account id) and shares the redactor and sink. */
  child(prefix: string): Logger;
}

export interface RedactingLoggerOptions {
  sink: LogSink;
  level?: LogLevel;
  redactor?: SecretRedactor;
  prefix?: string;
  /** Timestamp source, injectable for tests. */
  now?: () => Date;
}

export function createLogger(options: RedactingLoggerOptions): Logger {
  const redactor = options.redactor ?? new SecretRedactor();
  const minimum = levelRank[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const prefix = options.prefix ? `[${options.prefix}] ` : '';

  const write = (level: LogLevel, message: string, details: unknown): void => {
    if (levelRank[level] < minimum) return;
    const suffix = details === undefined ? '' : ` ${renderDetails(details)}`;
    const line = `${now().toISOString()} ${level.toUpperCase()} ${prefix}${message}${suffix}`;
    options.sink(redactor.redact(line), level);
  };

  return {
    trace: (message, details) => write('trace', message, details),
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    registerSecret: (value) => redactor.registerSecret(value),
    child: (childPrefix) =>
      createLogger({ ...options, redactor, prefix: options.prefix ? `${options.prefix} ${childPrefix}` : childPrefix }),
  };
}

/** A logger that drops everything (for callers that did not ask for logs). */
export const silentLogger: Logger = createLogger({ sink: () => undefined, level: 'error' });

function renderDetails(details: unknown): string {
  if (details instanceof Error) return `${details.name}: ${details.message}`;
  if (typeof details === 'string') return details;
  try {
    // Secret-named keys go by name here; the line as a whole is redacted as text on its way to the sink.
    return JSON.stringify(redactValue(details));
  } catch {
    return String(details);
  }
}
