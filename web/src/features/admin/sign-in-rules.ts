/** The service's floor for a password (users, agents' and counsellors' sign-ins). */
export const MIN_PASSWORD_LENGTH = 8;

/** A password typed but shorter than the service accepts (empty is "not given", not short). */
export const passwordTooShort = (password: string): boolean =>
  password.length > 0 && password.length < MIN_PASSWORD_LENGTH;
