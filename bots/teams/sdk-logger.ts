import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core/ports.js';

/**
 * The Teams SDK logs through ours: its chatter (activity dumps, which hold customer text) goes to debug; its warnings
 * and errors keep their level but only as one-line strings, never the objects it passes along.
 */
export function createSdkLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  const line = (msg: unknown[]) =>
    msg
      .filter((m) => typeof m === 'string' || m instanceof Error)
      .map((m) => (m instanceof Error ? m.message : m))
      .join(' ')
      .slice(0, 500);
  const sdk: ILogger = {
    loggerOptions: {} as ILoggerOptions,
    debug: (...msg) => logger.debug({ sdk: name }, line(msg)),
    trace: (...msg) => logger.debug({ sdk: name }, line(msg)),
    info: (...msg) => logger.debug({ sdk: name }, line(msg)),
    warn: (...msg) => logger.warn({ sdk: name }, line(msg)),
    error: (...msg) => logger.error({ sdk: name }, line(msg)),
    log: (level: LogLevel, ...msg) => {
      if (level === 'error') sdk.error(...msg);
      else if (level === 'warn') sdk.warn(...msg);
      else sdk.debug(...msg);
    },
    child: (child: string) => createSdkLogger(logger, `${name}/${child}`),
  };
  return sdk;
}
