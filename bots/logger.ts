import { type DestinationStream, pino } from 'pino';

export type AppLogger = pino.Logger;

/**
 * Structured logs. Secrets never reach them (redacted by path as a second line of defence); customer text is logged
 * only at debug by the code that has it.
 */
export function createLogger(level: string, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      redact: {
        paths: ['*.token', '*.secret', '*.password', '*.apiKey', '*.authorization', 'headers.authorization', '*.text'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
