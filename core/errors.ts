/** An error a person can act on: the message is safe to show to users and to log. */
export class DomainError extends Error {
  constructor(
    readonly code:
      | 'invalid_field_definition'
      | 'invalid_value'
      | 'unknown_field'
      | 'illegal_transition'
      | 'not_found'
      | 'no_case'
      | 'case_exists'
      | 'forbidden'
      | 'invalid_input',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
