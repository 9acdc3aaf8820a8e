import { useState } from 'react';
import type { ZodType } from 'zod';
import { ApiError } from './api.ts';

export type FieldErrors = Record<string, string>;

/** Validates with a shared Zod contract; returns the first message per top-level field. */
export function validate<T>(schema: ZodType<T>, values: unknown): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (!errors[key]) errors[key] = issue.message;
  }
  return { data: null, errors };
}

/** Form-level and field-level errors, filled from client validation or an API problem. */
export function useFormErrors() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [form, setForm] = useState<string | null>(null);
  return {
    fields,
    form,
    clear() {
      setFields({});
      setForm(null);
    },
    setFields(errors: FieldErrors) {
      setFields(errors);
      setForm(null);
    },
    /** Field errors go next to their fields; anything unnamed goes on top of the form. */
    fromError(err: unknown, known: string[]) {
      if (err instanceof ApiError) {
        const mine: FieldErrors = {};
        let rest = false;
        for (const [path, message] of Object.entries(err.fieldErrors)) {
          const key = path.split('.')[0];
          if (known.includes(key)) mine[key] ??= message;
          else rest = true;
        }
        setFields(mine);
        setForm(Object.keys(mine).length === 0 || rest ? err.detail : null);
      } else {
        setFields({});
        setForm('Something went wrong. Please try again.');
      }
    },
  };
}

/** Moves focus to the first invalid control so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid="true"] input');
    el?.focus();
  });
}
