export interface FieldError {
  path: string;
  message: string;
}

/** An error with an HTTP status and a stable code, answered as application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }
}

/** The input is malformed; `errors` names the fields. */
export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new AppError(400, 'bad_request', 'The request is not valid', detail, errors);

/** The input is well-formed but breaks a rule; names the field. */
export const invalidField = (path: string, message: string) =>
  new AppError(422, 'invalid_field', 'Some fields need attention', message, [{ path, message }]);

export const unauthorized = (detail = 'Sign in to do this.') =>
  new AppError(401, 'unauthorized', 'Sign in required', detail);

export const forbidden = (detail = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', 'Not allowed', detail);

export const notFound = (what = 'resource') =>
  new AppError(404, 'not_found', 'Not found', `That ${what} does not exist or you cannot see it.`);

export const conflict = (code: string, detail: string, path?: string) =>
  new AppError(409, code, 'Conflict', detail, path ? [{ path, message: detail }] : []);
