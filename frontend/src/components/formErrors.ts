import type { TFunction } from 'i18next';
import { ApiError } from '../api';
import { errorMessage, fieldErrorText } from './QueryState';

export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/**
 * Splits a failed save into messages under the form's own fields (from the 400 problem's `errors`) and one
 * message for the whole form (everything else, including field errors for fields the form does not show).
 * `conflictField` names the field a 409 is about (e.g. a duplicate email).
 */
export function formErrors(error: unknown, fieldNames: string[], t: TFunction, conflictField?: string): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: errorMessage(error, t) };
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const { field, message } = fieldError;
    const name = fieldNames.find((f) => f === field || field?.endsWith(`.${f}`));
    if (name) fields[name] = fields[name] ? `${fields[name]} ${message}` : message;
    else others.push(fieldErrorText(fieldError));
  }
  if (error.status === 409 && conflictField) {
    fields[conflictField] = error.detail || t('errors.conflict');
    return { fields, general: null };
  }
  if (error.fieldErrors.length > 0) {
    return {
      fields,
      general: others.length ? others.join(' ') : Object.keys(fields).length ? null : errorMessage(error, t),
    };
  }
  return { fields, general: errorMessage(error, t) };
}
